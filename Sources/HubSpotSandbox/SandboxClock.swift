import Foundation
import Synchronization

/// The sandbox's source of time, in milliseconds since 1970.
///
/// Rate limits, timestamps and audit logs all read it, so a test that injects a
/// ``ManualClock`` can cross a ten-second window with `advance(by:)` instead of sleeping.
public struct SandboxClock: Sendable {
    private let read: @Sendable () -> Int64

    public init(_ read: @escaping @Sendable () -> Int64) { self.read = read }

    public var nowMilliseconds: Int64 { read() }

    /// The wall clock.
    public static var system: SandboxClock {
        SandboxClock { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
    }

    /// A clock that moves only when the test says so.
    public static func manual(_ clock: ManualClock) -> SandboxClock {
        SandboxClock { clock.now }
    }
}

/// A settable clock for tests.
///
/// ```swift
/// let clock = ManualClock(start: 1_700_000_000_000)
/// var options = SandboxOptions(clock: .manual(clock))
/// clock.advance(by: 10_000)   // ten seconds later, instantly
/// ```
public final class ManualClock: Sendable {
    private let value: Mutex<Int64>

    public init(start: Int64 = 1_705_314_600_000) { value = Mutex(start) }

    public var now: Int64 { value.withLock { $0 } }

    public func advance(by milliseconds: Int64) { value.withLock { $0 += milliseconds } }

    public func set(_ milliseconds: Int64) { value.withLock { $0 = milliseconds } }
}
