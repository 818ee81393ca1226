import Testing
@testable import HubSpotSandbox

@Suite struct TimestampTests {
    @Test func formatsAndParses() {
        #expect(Timestamp.iso(1_705_314_600_123) == "2024-01-15T10:30:00.123Z")
        #expect(Timestamp.iso(0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.iso(-86_400_000) == "1969-12-31T00:00:00.000Z")
        #expect(Timestamp.parse("2024-01-15T10:30:00.123Z") == 1_705_314_600_123)
        #expect(Timestamp.parse("2024-01-15T10:30:00Z") == 1_705_314_600_000)
        #expect(Timestamp.parse("2024-01-15T10:30:00.123456Z") == 1_705_314_600_123)
        #expect(Timestamp.parse("2024-01-15T10:30:00.1Z") == 1_705_314_600_100)
        #expect(Timestamp.parse("2024-01-15T12:30:00+02:00") == 1_705_314_600_000)
        #expect(Timestamp.parse("2024-01-15") == 1_705_276_800_000)
        #expect(Timestamp.parse("1705314600123") == 1_705_314_600_123)
        #expect(Timestamp.parse("2024-13-01") == nil)
        #expect(Timestamp.parse("soon") == nil)
        #expect(Timestamp.parse("-99999999999999999") == nil)
        #expect(Timestamp.iso(Int64.min).hasPrefix("0001-01-01"))
    }

    @Test func outOfRangeDateIsRejected() async {
        let sb = makeSandbox()
        let e = await call(sb, "POST", "/crm/v3/objects/deals", #"{"properties":{"closedate":"-99999999999999999"}}"#)
        #expect(e.status == 400)
    }
}
