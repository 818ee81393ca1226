#if canImport(Glibc)
import Glibc
#endif

/// Why ``SandboxServer/start()`` could not start listening.
///
/// ```swift
/// do { _ = try server.start() } catch { print("hubsh: \(error)") }
/// // hubsh: cannot bind 127.0.0.1:8080 (Address already in use)
/// ```
public struct SandboxServerError: Error, CustomStringConvertible, Equatable, Sendable {
    private enum Code: Equatable, Sendable {
        case badHost
        case system
        case alreadyStarted
    }

    private let code: Code
    /// A short sentence, as the CLI prints it after `hubsh: `.
    public let description: String

    static func badHost(_ host: String) -> SandboxServerError {
        SandboxServerError(code: .badHost, description: "cannot listen on '\(host)': expected an IPv4 address such as 127.0.0.1")
    }

    static func system(_ what: String, errno code: Int32) -> SandboxServerError {
        SandboxServerError(code: .system, description: "\(what) (\(String(cString: strerror(code))))")
    }

    static let alreadyStarted = SandboxServerError(code: .alreadyStarted, description: "the server has already been started")
}
