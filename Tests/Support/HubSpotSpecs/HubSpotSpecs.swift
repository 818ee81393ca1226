import Foundation

/// HubSpot's API descriptions (../shared/hubspot-api/*.json) as a validator: find the
/// operation for a method and path, then check a request or response body against its
/// schema.
///
/// ```swift
/// let problems = HubSpotSpecs.shared.validateResponse(
///     method: "GET", path: "/crm/v3/objects/contacts/101", status: 200, body: data)
/// #expect(problems.isEmpty, "\(problems)")
/// // a bad body gives e.g. ["$.properties.email: expected string, got integer"]
/// ```
public final class HubSpotSpecs: Sendable {
    /// One operation of one file.
    public struct Operation: Sendable {
        public var file: String
        public var method: String
        public var template: String
        let segments: [String]
        let node: SpecNode
        let document: Int
    }

    let documents: [SpecNode]
    let operations: [Operation]
    /// Problems met while loading (missing directory, unreadable files).
    public let loadProblems: [String]

    /// The specs beside the repository: `<repo>/../shared/hubspot-api`, found from this
    /// file's path so CI checkouts elsewhere work too.
    public static let shared = HubSpotSpecs(directory: defaultDirectory)

    public static var defaultDirectory: URL {
        // <repo>/Tests/Support/HubSpotSpecs/HubSpotSpecs.swift → <repo>
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        if let env = ProcessInfo.processInfo.environment["HUBSPOT_SPECS_DIR"] { return URL(fileURLWithPath: env) }
        return repo.deletingLastPathComponent().appendingPathComponent("shared/hubspot-api")
    }

    public init(directory: URL) {
        var docs: [SpecNode] = []
        var ops: [Operation] = []
        var problems: [String] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        if files.isEmpty { problems.append("no OpenAPI files in \(directory.path)") }
        for file in files {
            do {
                let node = try SpecNode.parse(try Data(contentsOf: directory.appendingPathComponent(file)))
                let index = docs.count
                docs.append(node)
                for (template, item) in node["paths"]?.object ?? [:] {
                    for (method, op) in item.object ?? [:] where ["get", "post", "put", "patch", "delete"].contains(method) {
                        ops.append(Operation(file: file, method: method.uppercased(), template: template,
                                             segments: template.split(separator: "/").map(String.init), node: op, document: index))
                    }
                }
            } catch {
                problems.append("\(file): \(error)")
            }
        }
        documents = docs
        operations = ops
        loadProblems = problems
    }

    /// Path segments the files spell differently from the API's usual form.
    private static let aliases: [String: String] = ["deals": "0-3"]

    /// The operation for `method` and `path` (no query): most literal segments wins, then
    /// a main file over an older `-rollout` one.
    public func operation(method: String, path: String) -> Operation? {
        let segs = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        var best: (Operation, Int)?
        for op in operations where op.method == method.uppercased() && op.segments.count == segs.count {
            var score = 0
            var ok = true
            for (t, s) in zip(op.segments, segs) {
                if t.hasPrefix("{") { continue }
                if t == s || Self.aliases[s] == t { score += 2 } else { ok = false; break }
            }
            guard ok else { continue }
            if !op.file.contains("rollout") { score += 1 }
            if score > (best?.1 ?? Int.min) { best = (op, score) }
        }
        return best?.0
    }

    /// Problems with a response body for `status`; empty when it conforms.
    public func validateResponse(method: String, path: String, status: Int, body: Data) -> [String] {
        guard let op = operation(method: method, path: path) else { return ["no operation \(method) \(path) in the specs"] }
        let responses = op.node["responses"]?.object ?? [:]
        guard let response = responses[String(status)] ?? responses["default"] else {
            return ["\(method) \(path): status \(status) is not documented (\(responses.keys.sorted().joined(separator: ", ")))"]
        }
        // Error statuses fall to `default`, which the files leave without content: check
        // those bodies against the file's `Error` schema.
        let errorSchema: SpecNode? = status >= 400 && documents[op.document]["components"]?["schemas"]?["Error"] != nil
            ? .object(["$ref": .string("#/components/schemas/Error")]) : nil
        guard let schema = Self.jsonSchema(response) ?? errorSchema else {
            return body.isEmpty ? [] : ["\(method) \(path) \(status): body given where none is documented"]
        }
        return validate(body: body, schema: schema, document: op.document)
    }

    /// Problems with a request body; empty when it conforms.
    public func validateRequest(method: String, path: String, body: Data) -> [String] {
        guard let op = operation(method: method, path: path) else { return ["no operation \(method) \(path) in the specs"] }
        guard let requestBody = op.node["requestBody"], let schema = Self.jsonSchema(requestBody) else {
            return body.isEmpty ? [] : ["\(method) \(path): body given where none is documented"]
        }
        return validate(body: body, schema: schema, document: op.document)
    }

    private static func jsonSchema(_ node: SpecNode) -> SpecNode? {
        guard let content = node["content"]?.object else { return nil }
        return (content["application/json"] ?? content["*/*"] ?? content.values.first)?["schema"]
    }

    private func validate(body: Data, schema: SpecNode, document: Int) -> [String] {
        guard !body.isEmpty else { return ["empty body where a JSON body is documented"] }
        let value: SpecNode
        do { value = try SpecNode.parse(body) } catch { return ["body is not JSON: \(error)"] }
        var checker = SchemaChecker(document: documents[document])
        checker.check(value, schema, at: "$", schemaName: nil)
        return checker.problems
    }
}
