import Foundation
import HubSpot

/// Checks that a request's method and path exist in HubSpot's API descriptions
/// (../shared/hubspot-api), until HubSpotSpecs validates bodies too.
enum SpecPaths {
    struct Operation { let method: String; let pattern: [String] }

    static let directory: URL = {
        // Tests/HubSpotTests/Mocks/SpecPaths.swift → package root → ../shared/hubspot-api
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/hubspot-api")
    }()

    static let operations: [Operation] = {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var result: [Operation] = []
        for file in files where file.pathExtension == "json" {
            guard let data = try? Data(contentsOf: file),
                  let spec = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let paths = spec["paths"] as? [String: Any] else { continue }
            for (path, ops) in paths {
                guard let ops = ops as? [String: Any] else { continue }
                for method in ops.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    result.append(Operation(method: method.uppercased(), pattern: path.split(separator: "/").map(String.init)))
                }
            }
        }
        return result
    }()

    static var available: Bool { !operations.isEmpty }

    /// Whether some description has this method and path (template segments match anything).
    static func knows(_ request: HTTPRequest) -> Bool {
        let segments = request.url.path.split(separator: "/").map(String.init)
        return operations.contains { op in
            op.method == request.method.rawValue && op.pattern.count == segments.count
                && zip(op.pattern, segments).allSatisfy { pattern, segment in
                    (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == segment
                }
        }
    }
}
