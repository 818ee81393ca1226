import CEditLine
import Foundation

/// A libedit line editor: emacs keys, history saved to a file, Tab completion.
///
/// Ctrl-C is left to the program's own SIGINT handler (installed without SA_RESTART),
/// which interrupts the terminal read; the editor then reports ``LineReadResult/interrupted``.
public final class LineEditor: LineReader {
    /// Completes the word before the cursor: given the line up to the cursor, returns
    /// the candidates, each the whole word to put in place of the word typed so far.
    public typealias Completer = (_ lineBeforeCursor: String) -> (word: String, candidates: [String])

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var prompt: [CChar] = [0]
    public var completer: Completer?

    /// - Parameter historyFile: where history is loaded from and saved to (nil: none).
    public init?(program: String, historyFile: String?) {
        guard let editLine = hubsh_el_init(program), let history = history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        hubsh_history_set_size(history, 1000)
        hubsh_history_set_unique(history, 1)
        if let historyFile { hubsh_history_load(history, historyFile) }
        hubsh_el_set_editor(editLine, "emacs")
        hubsh_el_set_signal(editLine, 0)
        hubsh_el_set_history(editLine, history)
        hubsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        hubsh_el_set_prompt(editLine) { el in
            guard let el, let data = hubsh_el_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptPointer()
        }
        hubsh_el_add_function(editLine, "hubsh-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = hubsh_el_get_clientdata(el) else { return UInt8(hubsh_el_error_code()) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        hubsh_el_bind(editLine, "^I", "hubsh-complete")
    }

    deinit {
        if let historyFile { hubsh_history_save(history, historyFile) }
        el_end(editLine)
        history_end(history)
    }

    public func readLine(prompt: String) -> LineReadResult {
        self.prompt = Array(prompt.utf8CString)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            return errno == EINTR ? .interrupted : .end
        }
        if count < 0 { return errno == EINTR ? .interrupted : .end }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addHistory(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        hubsh_history_enter(history, entry)
        if let historyFile { hubsh_history_save(history, historyFile) }
    }

    private func promptPointer() -> UnsafeMutablePointer<CChar>? {
        prompt.withUnsafeMutableBufferPointer { $0.baseAddress }
    }

    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee, let start = info.buffer else {
            return UInt8(hubsh_el_error_code())
        }
        let length = info.cursor - start
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: max(length, 0)), as: UTF8.self)
        let (word, candidates) = completer(before)
        guard !candidates.isEmpty else { return UInt8(hubsh_el_error_code()) }
        let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
        if common.count > word.count {
            el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(hubsh_el_refresh_code())
        }
        if candidates.count > 1 {
            print("\n" + candidates.sorted().joined(separator: "  "))
            return UInt8(hubsh_el_redisplay_code())
        }
        return UInt8(hubsh_el_refresh_code())
    }
}
