/// A private-app or OAuth access token that never prints itself.
///
/// `description`, `debugDescription` and string interpolation all read
/// `AccessToken(redacted)`, so a token cannot leak into a log line or an error
/// by accident; only the auth layer reads ``secret``.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral {
    /// The token itself. Read it only to put it on the wire.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { "AccessToken(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
