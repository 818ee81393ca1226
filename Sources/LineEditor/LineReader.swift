/// Where the REPL gets its lines: libedit on a terminal, plain standard input otherwise,
/// a list of lines in tests.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineReadResult
    /// Records a finished chunk (never its fragments) in the history.
    func addHistory(_ entry: String)
}

public enum LineReadResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C while typing: drop the line, prompt again.
    case interrupted
    /// End of input (Ctrl-D): leave the REPL.
    case end
}

/// Reads standard input line by line, with no editing; prompts only on a terminal.
public final class PlainLineReader: LineReader {
    private let showPrompt: Bool

    public init(showPrompt: Bool) { self.showPrompt = showPrompt }

    public func readLine(prompt: String) -> LineReadResult {
        if showPrompt {
            print(prompt, terminator: "")
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }

    public func addHistory(_ entry: String) {}
}

/// Hands out lines from a list: for tests of the REPL without a terminal.
public final class ScriptedLineReader: LineReader {
    private var lines: [String]
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []

    public init(_ lines: [String]) { self.lines = lines }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        guard !lines.isEmpty else { return .end }
        let line = lines.removeFirst()
        return line == "\u{3}" ? .interrupted : .line(line)
    }

    public func addHistory(_ entry: String) { history.append(entry) }
}
