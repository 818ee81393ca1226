import Foundation
import Testing
@testable import HubSpot

@Suite struct SchemaTests {
    static let property = #"{"name":"favorite_color","label":"Favorite color","type":"enumeration","fieldType":"select","groupName":"contactinformation","description":"","options":[{"label":"Red","value":"red","hidden":false,"displayOrder":0}],"archived":false}"#

    @Test func propertiesCRUD() async throws {
        let property = Self.property
        let mock = MockTransport { request in
            switch (request.method, request.url.path) {
            case (.get, "/crm/v3/properties/contacts"): return Fixtures.response(200, #"{"results":[\#(property)]}"#)
            case (.delete, _): return HTTPResponse(status: 204)
            case (.post, _): return Fixtures.response(201, property)
            default: return Fixtures.response(200, property)
            }
        }
        let client = Fixtures.client(mock)
        let props = client.properties(.contacts)
        let all = try await props.list()
        #expect(all.first?.options?.first?.value == "red")
        _ = try await props.get("favorite_color")
        try await props.create(PropertyDefinition(name: "favorite_color", label: "Favorite color", type: "enumeration",
                                                  fieldType: "select", groupName: "contactinformation",
                                                  options: [PropertyOption(label: "Red", value: "red")]))
        try await props.update("favorite_color", PropertyUpdate(label: "Colour"))
        try await props.archive("favorite_color")
        let r = mock.requests
        #expect(r.map { "\($0.method) \($0.url.path)" } == [
            "GET /crm/v3/properties/contacts", "GET /crm/v3/properties/contacts/favorite_color", "POST /crm/v3/properties/contacts",
            "PATCH /crm/v3/properties/contacts/favorite_color", "DELETE /crm/v3/properties/contacts/favorite_color",
        ])
        #expect(Fixtures.json(r[2].body) == ["name": "favorite_color", "label": "Favorite color", "type": "enumeration", "fieldType": "select",
                                             "groupName": "contactinformation", "options": [["label": "Red", "value": "red", "hidden": false]]])
        #expect(Fixtures.json(r[3].body) == ["label": "Colour"])
        if SpecPaths.available { for request in r { #expect(SpecPaths.knows(request)) } }
    }

    @Test func propertyGroups() async throws {
        let group = #"{"name":"g","label":"G","displayOrder":1,"archived":false}"#
        let mock = MockTransport { request in
            if request.method == .delete { return HTTPResponse(status: 204) }
            if request.method == .get && request.url.path.hasSuffix("/groups") { return Fixtures.response(200, #"{"results":[\#(group)]}"#) }
            return Fixtures.response(200, group)
        }
        let client = Fixtures.client(mock)
        let props = client.properties(.deals)
        #expect(try await props.groups().map(\.name) == ["g"])
        #expect(try await props.group("g").label == "G")
        try await props.createGroup(PropertyGroup(name: "g", label: "G"))
        try await props.updateGroup("g", label: "H")
        try await props.archiveGroup("g")
        #expect(mock.requests.map { "\($0.method) \($0.url.path)" } == [
            "GET /crm/v3/properties/deals/groups", "GET /crm/v3/properties/deals/groups/g", "POST /crm/v3/properties/deals/groups",
            "PATCH /crm/v3/properties/deals/groups/g", "DELETE /crm/v3/properties/deals/groups/g",
        ])
        #expect(Fixtures.json(mock.requests[3].body) == ["label": "H"])
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request)) } }
    }

    @Test func pipelinesAndStages() async throws {
        let stage = #"{"id":"appointmentscheduled","label":"Appointment scheduled","displayOrder":0,"metadata":{"probability":"0.2","isClosed":false},"archived":false,"createdAt":"x","updatedAt":"y"}"#
        let pipeline = #"{"id":"default","label":"Sales Pipeline","displayOrder":0,"stages":[\#(stage)],"archived":false,"createdAt":"x","updatedAt":"y"}"#
        let mock = MockTransport { request in
            let path = request.url.path
            if request.method == .delete { return HTTPResponse(status: 204) }
            if path == "/crm/v3/pipelines/deals" && request.method == .get { return Fixtures.response(200, #"{"results":[\#(pipeline)]}"#) }
            if path.hasSuffix("/stages") { return Fixtures.response(200, #"{"results":[\#(stage)]}"#) }
            if path.contains("/stages/") { return Fixtures.response(200, stage) }
            return Fixtures.response(200, pipeline)
        }
        let client = Fixtures.client(mock)
        let pipelines = client.pipelines(.deals)
        let all = try await pipelines.list()
        #expect(all.first?.stages.first?.metadata["probability"] == "0.2")
        #expect(all.first?.stages.first?.metadata["isClosed"] == "false")
        _ = try await pipelines.get("default")
        #expect(try await pipelines.stages("default").count == 1)
        _ = try await pipelines.stage("default", "appointmentscheduled")
        try await pipelines.create(PipelineInput(label: "New", stages: [.init(label: "A", displayOrder: 0, metadata: ["probability": "0.5"])]))
        try await pipelines.update("default", label: "Renamed")
        try await pipelines.archive("default")
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request), "\(request.method) \(request.url.path)") } }
    }
}
