import Foundation

/// Finds the `stdlib/` folder of Lua modules shipped with hubsh, with no environment
/// variable: beside the executable when installed (`PREFIX/bin/hubsh` and
/// `PREFIX/share/hubsh/stdlib`), or in the repository when run from the build tree
/// (`REPO/.build/debug/hubsh` and `REPO/stdlib`).
enum StdlibLocator {
    static func locate(executable: String = executablePath()) -> String? {
        let binDirectory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [binDirectory.deletingLastPathComponent().appendingPathComponent("share/hubsh/stdlib")]
        var directory = binDirectory
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("stdlib"))
            directory = directory.deletingLastPathComponent()
        }
        return candidates.first { isStdlib($0) }?.path
    }

    /// A folder is ours when it holds the `hubsh` module namespace.
    private static func isStdlib(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("hubsh").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
