/// Draws the injected fault for each request from a seeded generator (SplitMix64), so the
/// same request sequence meets the same faults on every run.
struct FaultInjector {
    enum Fault: Equatable {
        case status(Int)
        case drop
        case slow(Int)
    }

    let config: FaultInjection
    private var state: UInt64

    init(_ config: FaultInjection) {
        self.config = config
        state = config.seed
    }

    private mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// One draw per request; at most one fault.
    mutating func draw() -> Fault? {
        guard config.isActive else { return nil }
        var x = nextUnit()
        let table: [(Double, Fault)] = [
            (config.serverError, .status(500)), (config.badGateway, .status(502)), (config.serviceUnavailable, .status(503)),
            (config.tooManyRequests, .status(429)), (config.connectionDrop, .drop), (config.slowResponse, .slow(config.slowMilliseconds)),
        ]
        for (p, fault) in table {
            if x < p { return fault }
            x -= p
        }
        return nil
    }
}
