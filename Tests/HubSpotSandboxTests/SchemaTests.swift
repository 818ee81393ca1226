import Foundation
import Testing
@testable import HubSpotSandbox

/// Properties, pipelines, custom objects.
@Suite struct SchemaTests {
    @Test func propertiesCrudAndValidation() async throws {
        let sb = makeSandbox()
        let list = await call(sb, "GET", "/crm/v3/properties/contacts")
        #expect(list.specProblems.isEmpty, "\(list.specProblems)")
        #expect(list.json?.results.contains { $0["name"]?.stringValue == "email" && $0["hasUniqueValue"] == .bool(true) } == true)

        let created = await call(sb, "POST", "/crm/v3/properties/contacts",
                                 #"{"name":"favorite_food","label":"Favorite food","type":"enumeration","fieldType":"select","groupName":"contactinformation","options":[{"label":"Pizza","value":"pizza","hidden":false},{"label":"Tacos","value":"tacos","hidden":false}]}"#)
        #expect(created.status == 201)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        #expect(await call(sb, "POST", "/crm/v3/properties/contacts",
                           #"{"name":"favorite_food","label":"Again","type":"string","fieldType":"text","groupName":"contactinformation"}"#).status == 409)

        let ok = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"favorite_food":"pizza"}}"#)
        #expect(ok.status == 201)
        let bad = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"favorite_food":"sushi"}}"#)
        #expect(bad.status == 400)
        #expect(bad["errors"]?.arrayValue?.first?["code"]?.stringValue == "INVALID_OPTION")

        let patched = await call(sb, "PATCH", "/crm/v3/properties/contacts/favorite_food", #"{"label":"Food"}"#)
        #expect(patched["label"]?.stringValue == "Food")
        #expect(patched.specProblems.isEmpty, "\(patched.specProblems)")
        #expect(await call(sb, "DELETE", "/crm/v3/properties/contacts/favorite_food").status == 204)
        #expect(await call(sb, "GET", "/crm/v3/properties/contacts/favorite_food").status == 404)
        #expect(await call(sb, "DELETE", "/crm/v3/properties/contacts/email").status == 400)

        let groups = await call(sb, "GET", "/crm/v3/properties/contacts/groups")
        #expect(groups.specProblems.isEmpty, "\(groups.specProblems)")
        let group = await call(sb, "POST", "/crm/v3/properties/contacts/groups", #"{"name":"extras","label":"Extras"}"#)
        #expect(group.status == 201)
        #expect(group.specProblems.isEmpty, "\(group.specProblems)")
    }

    @Test func valueNormalizationAndDates() async throws {
        let sb = makeSandbox()
        let e = await call(sb, "POST", "/crm/v3/objects/contacts",
                           #"{"properties":{"date_of_birth":"1990-05-17","hs_email_optout":true,"notes_last_updated":"x"}}"#)
        #expect(e.status == 400)   // notes_last_updated is read-only
        let ok = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"date_of_birth":642902400000,"hs_email_optout":true}}"#)
        #expect(ok.status == 201)
        let id = ok["id"]?.stringValue ?? ""
        let got = await call(sb, "GET", "/crm/v3/objects/contacts/\(id)?properties=date_of_birth,hs_email_optout")
        #expect(got.json?.prop("date_of_birth") == "1990-05-17")
        #expect(got.json?.prop("hs_email_optout") == "true")
        let notMidnight = await call(sb, "PATCH", "/crm/v3/objects/contacts/\(id)", #"{"properties":{"date_of_birth":"642902400001"}}"#)
        #expect(notMidnight.status == 400)
    }

    @Test func pipelinesValidateStages() async throws {
        let sb = makeSandbox()
        let pipelines = await call(sb, "GET", "/crm/v3/pipelines/deals")
        #expect(pipelines.json?.results.first?["id"]?.stringValue == "default")
        let stage = await call(sb, "GET", "/crm/v3/pipelines/deals/default/stages/closedwon")
        #expect(stage.specProblems.isEmpty, "\(stage.specProblems)")
        let bad = await call(sb, "POST", "/crm/v3/objects/deals", #"{"properties":{"dealname":"D","dealstage":"nope"}}"#)
        #expect(bad.status == 400)
        let defaulted = await call(sb, "POST", "/crm/v3/objects/tickets", #"{"properties":{"subject":"T"}}"#)
        #expect(defaulted.status == 201)
        #expect(defaulted.json?.prop("hs_pipeline") == "0")
        #expect(defaulted.json?.prop("hs_pipeline_stage") == "1")
        let badTicket = await call(sb, "POST", "/crm/v3/objects/tickets", #"{"properties":{"subject":"T","hs_pipeline_stage":"99"}}"#)
        #expect(badTicket.status == 400)

        let created = await call(sb, "POST", "/crm/v3/pipelines/deals",
                                 #"{"label":"Renewals","displayOrder":1,"stages":[{"label":"Open","displayOrder":0,"metadata":{"probability":"0.5"}},{"label":"Won","displayOrder":1,"metadata":{"probability":"1.0"}}]}"#)
        #expect(created.status == 201)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        let pid = created["id"]?.stringValue ?? ""
        let firstStage = created["stages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
        let deal = await call(sb, "POST", "/crm/v3/objects/deals", #"{"properties":{"dealname":"R","pipeline":"\#(pid)","dealstage":"\#(firstStage)"}}"#)
        #expect(deal.status == 201)
        let wrongPipe = await call(sb, "POST", "/crm/v3/objects/deals", #"{"properties":{"dealname":"R","pipeline":"\#(pid)","dealstage":"closedwon"}}"#)
        #expect(wrongPipe.status == 400)
    }

    @Test func customObjects() async throws {
        let sb = makeSandbox()
        let schema = await call(sb, "POST", "/crm-object-schemas/v3/schemas",
                                #"{"name":"cars","labels":{"singular":"Car","plural":"Cars"},"primaryDisplayProperty":"model","requiredProperties":["model"],"searchableProperties":["model"],"associatedObjects":["CONTACT"],"properties":[{"name":"model","label":"Model","type":"string","fieldType":"text"},{"name":"year","label":"Year","type":"number","fieldType":"number"}]}"#)
        #expect(schema.status == 201)
        #expect(schema.specProblems.isEmpty, "\(schema.specProblems)")
        let typeId = try #require(schema["objectTypeId"]?.stringValue)
        #expect(typeId.hasPrefix("2-"))

        let car = await call(sb, "POST", "/crm/v3/objects/p_cars", #"{"properties":{"model":"Roadster","year":"2008"}}"#)
        #expect(car.status == 201)
        #expect(car.specProblems.isEmpty, "\(car.specProblems)")
        #expect(car.json?.prop("model") == "Roadster")
        let id = car["id"]?.stringValue ?? ""
        #expect(await call(sb, "GET", "/crm/v3/objects/\(typeId)/\(id)").status == 200)
        #expect(await call(sb, "GET", "/crm/v3/objects/cars/\(id)").status == 200)
        let found = await call(sb, "POST", "/crm/v3/objects/\(typeId)/search",
                               #"{"filterGroups":[{"filters":[{"propertyName":"year","operator":"GTE","value":"2000"}]}]}"#)
        #expect(found["total"]?.intValue == 1)
        let contact = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"o@x.com"}}"#)
        let cid = contact["id"]?.stringValue ?? ""
        #expect(await call(sb, "PUT", "/crm/v4/objects/p_cars/\(id)/associations/default/contacts/\(cid)").status == 200)
        #expect(await call(sb, "GET", "/crm/v4/objects/contacts/\(cid)/associations/\(typeId)").json?.results.count == 1)
        let all = await call(sb, "GET", "/crm/v3/schemas")
        #expect(all.json?.results.count == 1)
        #expect(await call(sb, "GET", "/crm/v3/objects/p_trucks").status == 400)
        #expect(await call(sb, "GET", "/crm/v3/objects/0-2?limit=1").status == 200)
    }
}

extension SchemaTests {
    @Test func customObjectRequiredProperties() async throws {
        let sb = makeSandbox()
        await call(sb, "POST", "/crm-object-schemas/v3/schemas",
                   #"{"name":"pets","labels":{"singular":"Pet","plural":"Pets"},"requiredProperties":["pet_name"],"associatedObjects":[],"properties":[{"name":"pet_name","label":"Name","type":"string","fieldType":"text"}]}"#)
        let e = await call(sb, "POST", "/crm/v3/objects/p_pets", #"{"properties":{}}"#)
        #expect(e.status == 400)
        #expect(await call(sb, "POST", "/crm/v3/objects/pets", #"{"properties":{"pet_name":"Rex"}}"#).status == 201)
    }
}
