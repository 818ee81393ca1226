/// The demo account's records.
enum DemoData {
    static func populate(_ state: inout SandboxState, now: Int64) {}
}
