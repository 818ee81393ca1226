import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saving and loading the sandbox's state as one JSON file.
enum Persistence {
    static func encode(_ state: SandboxState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(state)
    }

    static func load(from url: URL) throws -> SandboxState {
        let data = try Data(contentsOf: url)
        do {
            return try JSONDecoder().decode(SandboxState.self, from: data)
        } catch {
            throw SandboxError.corruptFile(url, String(describing: error))
        }
    }

    /// Temporary file beside the target, fsync, rename: readers see the old file or the
    /// whole new one, never a torn write.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: tmp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(tmp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
