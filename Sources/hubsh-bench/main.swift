import Foundation

// The benchmark program behind scripts/bench. Each case prints one tab-separated row:
// name, value, unit, reference value, ratio to the reference, target, note.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = Benchmarks.all[name] else {
    let names = Benchmarks.all.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: hubsh-bench CASE [OPTIONS]  (cases: \(names))\n".utf8))
    exit(2)
}
do {
    for row in try benchmark(Array(arguments.dropFirst())) { print(row.line) }
} catch {
    FileHandle.standardError.write(Data("hubsh-bench: \(error)\n".utf8))
    exit(1)
}
