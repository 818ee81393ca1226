import Foundation
import HubSpot
import Testing
@testable import HubSpotSandbox

/// Response framing: what the server adds, replaces and refuses to pass through.
@Suite struct ServerResponseWriterTests {
    static let date = "Sun, 06 Nov 1994 08:49:37 GMT"

    static func text(_ response: HTTPResponse, keepAlive: Bool = true, isHead: Bool = false, minor: Int = 1) -> (String, Bool) {
        let result = HTTPResponseWriter.serialize(response, keepAlive: keepAlive, isHead: isHead, minorVersion: minor, date: date)
        return (String(decoding: result.bytes, as: UTF8.self), result.keepAlive)
    }

    @Test func jsonBodyGetsHubSpotsContentTypeLengthAndDate() {
        let (text, keepAlive) = Self.text(HTTPResponse(status: 200, body: Data(#"{"a":1}"#.utf8)))
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nDate: \(Self.date)\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
        #expect(keepAlive)
    }

    @Test func handlerHeadersPassButFramingIsTheServers() {
        let response = HTTPResponse(status: 201, headers: [
            "Content-Type": "text/plain", "Content-Length": "999", "Transfer-Encoding": "chunked",
            "X-HubSpot-RateLimit-Remaining": "99", "Date": "Mon, 01 Jan 2024 00:00:00 GMT",
        ], body: Data("hi".utf8))
        let (text, _) = Self.text(response)
        #expect(text == "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nX-HubSpot-RateLimit-Remaining: 99\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Length: 2\r\n\r\nhi")
    }

    @Test func plainJSONContentTypeGetsTheCharset() {
        let (text, _) = Self.text(HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data("[]".utf8)))
        #expect(text.contains("content-type: application/json;charset=utf-8\r\n"))
    }

    @Test func fieldsThatCouldSplitTheResponseAreDropped() {
        let (text, _) = Self.text(HTTPResponse(status: 200, headers: ["X-Evil": "a\r\nSet-Cookie: x", "Bad Name": "v", "X-Ok": "fine"]))
        #expect(!text.contains("Set-Cookie"))
        #expect(!text.contains("Bad Name"))
        #expect(text.contains("X-Ok: fine\r\n"))
    }

    @Test func noContentHasNoBodyAndNoLength() {
        let (text, _) = Self.text(HTTPResponse(status: 204, body: Data("ignored".utf8)))
        #expect(text == "HTTP/1.1 204 No Content\r\nDate: \(Self.date)\r\n\r\n")
    }

    @Test func headGetsTheLengthButNoBody() {
        let (text, _) = Self.text(HTTPResponse(status: 200, body: Data("{}".utf8)), isHead: true)
        #expect(text.hasSuffix("Content-Length: 2\r\n\r\n"))
    }

    @Test func closingIsAnnounced() {
        let (closing, keep) = Self.text(HTTPResponse(status: 200), keepAlive: false)
        #expect(closing.contains("Connection: close\r\n"))
        #expect(!keep)
        let (asked, handlerKeep) = Self.text(HTTPResponse(status: 200, headers: ["Connection": "close"]))
        #expect(asked.contains("Connection: close\r\n"))
        #expect(!handlerKeep)
        let (old, _) = Self.text(HTTPResponse(status: 200), minor: 0)
        #expect(old.contains("Connection: keep-alive\r\n"))
    }

    @Test(arguments: [42, 101, 600])
    func aStatusAHandlerMayNotSendBecomes500(status: Int) {
        let (text, _) = Self.text(HTTPResponse(status: status))
        #expect(text.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    @Test func errorResponsesAreHubSpotShapedAndClose() throws {
        let bytes = HTTPResponseWriter.errorResponse(.bodyTooLarge, date: Self.date)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").last)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        #expect(json["status"] == "error")
        #expect(json["message"] == "The request body is too large.")
        #expect(json["correlationId"]?.isEmpty == false)
    }

    @Test func datesAreIMFFixdate() {
        #expect(HTTPDate.string(for: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.string(for: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
