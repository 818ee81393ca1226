import Foundation
import HubSpot
import HubSpotSpecs
@testable import HubSpotSandbox

/// One request/response round trip through the sandbox, decoded, and checked against
/// the OpenAPI descriptions.
struct Exchange {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
    var json: JSON?
    var specProblems: [String]

    subscript(key: String) -> JSON? { json?[key] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

func makeSandbox(_ seed: SandboxSeed = .empty, options: SandboxOptions = .unlimited) -> Sandbox {
    Sandbox(seed: seed, options: options)
}

@discardableResult
func call(_ sandbox: Sandbox, _ method: String, _ path: String, _ body: String? = nil,
          host: String = "api.hubapi.com", token: String? = "test-token", validate: Bool = true) async -> Exchange {
    var headers = HTTPHeaders()
    if let token { headers["Authorization"] = "Bearer \(token)" }
    if body != nil { headers["Content-Type"] = "application/json" }
    guard let url = URL(string: "https://\(host)\(path)") else { fatalError("bad test URL \(path)") }
    let response = await sandbox.handle(HTTPRequest(method: HTTPMethod(method), url: url, headers: headers, body: body.map { Data($0.utf8) }))
    let json = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
    var problems: [String] = []
    if validate {
        let pathOnly = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        problems = HubSpotSpecs.shared.validateResponse(method: method, path: pathOnly, status: response.status, body: response.body)
        if let body, (200..<300).contains(response.status) {
            problems += HubSpotSpecs.shared.validateRequest(method: method, path: pathOnly, body: Data(body.utf8)).map { "request: " + $0 }
        }
    }
    return Exchange(status: response.status, headers: response.headers, body: response.body, json: json, specProblems: problems)
}

extension JSON {
    /// `results` of a collection response.
    var results: [JSON] { self["results"]?.arrayValue ?? [] }
    func prop(_ name: String) -> String? { self["properties"]?[name]?.stringValue }
}

/// Response-only validation, for calls whose request bodies are deliberately partial.
enum HubSpotSpecsCheck {
    static func response(_ method: String, _ path: String, _ e: Exchange) -> [String] {
        HubSpotSpecs.shared.validateResponse(method: method, path: path, status: e.status, body: e.body)
    }
}
