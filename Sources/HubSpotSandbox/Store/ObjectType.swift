/// What the sandbox knows about one object type: its names, its type id, the properties
/// HubSpot returns when none are asked for, and those free-text search looks at.
struct ObjectType: Codable, Sendable, Equatable {
    /// The name used in paths and as the store key: "contacts", or a custom object's "p_cars".
    var name: String
    /// "0-1" for contacts, "2-1234567" for custom objects.
    var typeId: String
    var singular: String
    var createdateProperty: String
    var lastModifiedProperty: String
    var defaultProperties: [String]
    var searchableProperties: [String]
    var isCustom: Bool = false
    /// Pipeline-driven types (deals, tickets, leads) name their pipeline/stage properties.
    var pipelineProperty: String?
    var stageProperty: String?
    var primaryDisplayProperty: String?

    var isEngagement: Bool { ["calls", "emails", "meetings", "notes", "tasks", "communications"].contains(name) }
}

extension ObjectType {
    private static func standard(_ name: String, _ typeId: String, _ singular: String, created: String = "createdate",
                                 modified: String = "hs_lastmodifieddate", defaults: [String], searchable: [String],
                                 pipeline: String? = nil, stage: String? = nil, display: String? = nil) -> ObjectType {
        ObjectType(
            name: name, typeId: typeId, singular: singular, createdateProperty: created, lastModifiedProperty: modified,
            defaultProperties: defaults, searchableProperties: searchable, pipelineProperty: pipeline, stageProperty: stage,
            primaryDisplayProperty: display)
    }

    private static let engagementDefaults = ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"]

    /// HubSpot's standard object types, in the order their type ids are usually listed.
    static let standardTypes: [ObjectType] = [
        standard("contacts", "0-1", "contact", modified: "lastmodifieddate",
                 defaults: ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
                 searchable: ["firstname", "lastname", "email", "phone", "company", "hs_additional_emails", "mobilephone"],
                 display: "email"),
        standard("companies", "0-2", "company",
                 defaults: ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
                 searchable: ["name", "domain", "website", "phone"], display: "name"),
        standard("deals", "0-3", "deal",
                 defaults: ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"],
                 searchable: ["dealname"], pipeline: "pipeline", stage: "dealstage", display: "dealname"),
        standard("tickets", "0-5", "ticket",
                 defaults: ["content", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_pipeline", "hs_pipeline_stage",
                            "hs_ticket_category", "hs_ticket_priority", "subject"],
                 searchable: ["subject", "content"], pipeline: "hs_pipeline", stage: "hs_pipeline_stage", display: "subject"),
        standard("products", "0-7", "product",
                 defaults: ["createdate", "description", "hs_lastmodifieddate", "hs_object_id", "name", "price"],
                 searchable: ["name", "description", "hs_sku"], display: "name"),
        standard("line_items", "0-8", "line_item",
                 defaults: ["amount", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_product_id", "name", "price", "quantity"],
                 searchable: ["name"], display: "name"),
        standard("quotes", "0-14", "quote",
                 defaults: ["hs_createdate", "hs_expiration_date", "hs_lastmodifieddate", "hs_object_id", "hs_status", "hs_title"],
                 searchable: ["hs_title"], display: "hs_title"),
        standard("leads", "0-136", "lead", created: "hs_createdate",
                 defaults: ["hs_createdate", "hs_lastmodifieddate", "hs_lead_name", "hs_object_id", "hs_pipeline", "hs_pipeline_stage"],
                 searchable: ["hs_lead_name"], pipeline: "hs_pipeline", stage: "hs_pipeline_stage", display: "hs_lead_name"),
        standard("calls", "0-48", "call", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_call_title", "hs_call_body"], display: "hs_call_title"),
        standard("emails", "0-49", "email", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_email_subject", "hs_email_text"], display: "hs_email_subject"),
        standard("meetings", "0-47", "meeting", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_meeting_title", "hs_meeting_body"], display: "hs_meeting_title"),
        standard("notes", "0-46", "note", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_note_body"], display: "hs_note_body"),
        standard("tasks", "0-27", "task", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_task_subject", "hs_task_body"], display: "hs_task_subject"),
        standard("communications", "0-18", "communication", created: "hs_createdate", defaults: engagementDefaults + ["hs_timestamp"],
                 searchable: ["hs_communication_body"], display: "hs_communication_body"),
    ].map { t in
        var t = t
        t.defaultProperties.sort()
        return t
    }
}
