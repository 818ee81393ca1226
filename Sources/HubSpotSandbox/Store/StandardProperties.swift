/// The property definitions each standard object starts with: the ones scripts commonly
/// use, with HubSpot's names, types and enumeration options. Not HubSpot's full catalogue
/// (a portal has hundreds); users add their own through the properties API.
enum StandardProperties {
    static func fieldType(for type: String) -> String {
        switch type {
        case "number": return "number"
        case "date", "datetime": return "date"
        case "enumeration": return "select"
        case "bool": return "booleancheckbox"
        case "phone_number": return "phonenumber"
        default: return "text"
        }
    }

    private static func p(_ name: String, _ label: String, _ type: String = "string", group: String,
                          options: [(String, String)] = [], readOnly: Bool = false, unique: Bool = false,
                          external: Bool = false, fieldType: String? = nil) -> PropertyDefinition {
        PropertyDefinition(
            name: name, label: label, type: type, fieldType: fieldType ?? Self.fieldType(for: type), groupName: group,
            options: options.enumerated().map { .init(label: $1.1, value: $1.0, displayOrder: $0) },
            hasUniqueValue: unique, readOnlyValue: readOnly, externalOptions: external)
    }

    private static func yesNo() -> [(String, String)] { [("true", "Yes"), ("false", "No")] }

    /// Properties every object has: ids and timestamps HubSpot sets itself, and the owner.
    private static func common(_ type: ObjectType, group: String) -> [PropertyDefinition] {
        var list = [
            p("hs_object_id", "Record ID", "number", group: group, readOnly: true),
            p(type.createdateProperty, "Create Date", "datetime", group: group, readOnly: true),
            p(type.lastModifiedProperty, "Last Modified Date", "datetime", group: group, readOnly: true),
            p("hs_merged_object_ids", "Merged Record IDs", "enumeration", group: group, readOnly: true, fieldType: "checkbox"),
            p("hubspot_owner_id", "Owner", "enumeration", group: group, external: true),
        ]
        if type.createdateProperty != "hs_createdate" { list.append(p("hs_createdate", "Object create date/time", "datetime", group: group, readOnly: true)) }
        if type.lastModifiedProperty != "hs_lastmodifieddate" {
            list.append(p("hs_lastmodifieddate", "Object last modified date/time", "datetime", group: group, readOnly: true))
        }
        return list
    }

    static let lifecycleStages: [(String, String)] = [
        ("subscriber", "Subscriber"), ("lead", "Lead"), ("marketingqualifiedlead", "Marketing Qualified Lead"),
        ("salesqualifiedlead", "Sales Qualified Lead"), ("opportunity", "Opportunity"), ("customer", "Customer"),
        ("evangelist", "Evangelist"), ("other", "Other"),
    ]

    static let industries: [(String, String)] = [
        ("ACCOUNTING", "Accounting"), ("COMPUTER_SOFTWARE", "Computer Software"), ("CONSTRUCTION", "Construction"),
        ("FINANCIAL_SERVICES", "Financial Services"), ("HOSPITAL_HEALTH_CARE", "Hospital & Health Care"),
        ("INFORMATION_TECHNOLOGY_AND_SERVICES", "Information Technology and Services"), ("LOGISTICS_AND_SUPPLY_CHAIN", "Logistics and Supply Chain"),
        ("MARKETING_AND_ADVERTISING", "Marketing and Advertising"), ("RETAIL", "Retail"), ("RENEWABLES_ENVIRONMENT", "Renewables & Environment"),
        ("FOOD_BEVERAGES", "Food & Beverages"), ("EDUCATION_MANAGEMENT", "Education Management"),
    ]

    static func definitions(for type: ObjectType) -> [PropertyDefinition] {
        let group = type.singular + "information"
        var list = common(type, group: group)
        switch type.name {
        case "contacts":
            list += [
                p("email", "Email", group: group, unique: true), p("firstname", "First Name", group: group),
                p("lastname", "Last Name", group: group), p("phone", "Phone Number", "string", group: group, fieldType: "phonenumber"),
                p("mobilephone", "Mobile Phone Number", group: group, fieldType: "phonenumber"),
                p("company", "Company Name", group: group), p("jobtitle", "Job Title", group: group), p("website", "Website URL", group: group),
                p("address", "Street Address", group: group), p("city", "City", group: group), p("state", "State/Region", group: group),
                p("zip", "Postal Code", group: group), p("country", "Country/Region", group: group),
                p("hs_additional_emails", "Additional email addresses", group: group, readOnly: true),
                p("lifecyclestage", "Lifecycle Stage", "enumeration", group: group, options: lifecycleStages, fieldType: "radio"),
                p("hs_lead_status", "Lead Status", "enumeration", group: "sales_properties", options: [
                    ("NEW", "New"), ("OPEN", "Open"), ("IN_PROGRESS", "In Progress"), ("OPEN_DEAL", "Open Deal"),
                    ("UNQUALIFIED", "Unqualified"), ("ATTEMPTED_TO_CONTACT", "Attempted to Contact"), ("CONNECTED", "Connected"),
                    ("BAD_TIMING", "Bad Timing"),
                ], fieldType: "radio"),
                p("hs_email_optout", "Unsubscribed from all email", "bool", group: group, options: yesNo()),
                p("date_of_birth", "Date of birth", "date", group: group),
                p("num_associated_deals", "Associated Deals", "number", group: "deal_information", readOnly: true),
                p("notes_last_updated", "Last Activity Date", "datetime", group: group, readOnly: true),
            ]
        case "companies":
            list += [
                p("name", "Company name", group: group), p("domain", "Company Domain Name", group: group, unique: true),
                p("website", "Website URL", group: group), p("phone", "Phone Number", group: group, fieldType: "phonenumber"),
                p("industry", "Industry", "enumeration", group: group, options: industries),
                p("address", "Street Address", group: group), p("city", "City", group: group), p("state", "State/Region", group: group),
                p("zip", "Postal Code", group: group), p("country", "Country/Region", group: group),
                p("numberofemployees", "Number of Employees", "number", group: group),
                p("annualrevenue", "Annual Revenue", "number", group: group), p("description", "Description", group: group, fieldType: "textarea"),
                p("lifecyclestage", "Lifecycle Stage", "enumeration", group: group, options: lifecycleStages, fieldType: "radio"),
                p("type", "Type", "enumeration", group: group, options: [
                    ("PROSPECT", "Prospect"), ("PARTNER", "Partner"), ("RESELLER", "Reseller"), ("VENDOR", "Vendor"), ("OTHER", "Other"),
                ]),
                p("num_associated_contacts", "Number of Associated Contacts", "number", group: group, readOnly: true),
            ]
        case "deals":
            list += [
                p("dealname", "Deal Name", group: group), p("amount", "Amount", "number", group: group),
                p("closedate", "Close Date", "datetime", group: group), p("pipeline", "Pipeline", "enumeration", group: group, external: true),
                p("dealstage", "Deal Stage", "enumeration", group: group, external: true, fieldType: "radio"),
                p("dealtype", "Deal Type", "enumeration", group: group, options: [("newbusiness", "New Business"), ("existingbusiness", "Existing Business")], fieldType: "radio"),
                p("description", "Deal Description", group: group, fieldType: "textarea"),
                p("hs_priority", "Priority", "enumeration", group: group, options: [("low", "Low"), ("medium", "Medium"), ("high", "High")]),
                p("hs_is_closed_won", "Is Closed Won", "bool", group: group, options: yesNo(), readOnly: true),
            ]
        case "tickets":
            list += [
                p("subject", "Ticket name", group: group), p("content", "Ticket description", group: group, fieldType: "textarea"),
                p("hs_pipeline", "Pipeline", "enumeration", group: group, external: true),
                p("hs_pipeline_stage", "Ticket status", "enumeration", group: group, external: true),
                p("hs_ticket_priority", "Priority", "enumeration", group: group, options: [("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High"), ("URGENT", "Urgent")]),
                p("hs_ticket_category", "Category", "enumeration", group: group, options: [
                    ("PRODUCT_ISSUE", "Product issue"), ("BILLING_ISSUE", "Billing issue"), ("FEATURE_REQUEST", "Feature request"),
                    ("GENERAL_INQUIRY", "General inquiry"),
                ], fieldType: "checkbox"),
                p("source_type", "Source", "enumeration", group: group, options: [("CHAT", "Chat"), ("EMAIL", "Email"), ("FORM", "Form"), ("PHONE", "Phone")]),
                p("closed_date", "Close date", "datetime", group: group),
            ]
        case "products":
            list += [
                p("name", "Name", group: group), p("description", "Description", group: group, fieldType: "textarea"),
                p("price", "Unit price", "number", group: group), p("hs_sku", "SKU", group: group),
                p("hs_cost_of_goods_sold", "Unit cost", "number", group: group),
                p("recurringbillingfrequency", "Billing frequency", "enumeration", group: group, options: [
                    ("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annually", "Annually"),
                ]),
            ]
        case "line_items":
            list += [
                p("name", "Name", group: group), p("price", "Unit price", "number", group: group),
                p("quantity", "Quantity", "number", group: group), p("amount", "Net price", "number", group: group),
                p("hs_product_id", "Product ID", "number", group: group), p("description", "Description", group: group),
                p("discount", "Unit discount", "number", group: group),
            ]
        case "quotes":
            list += [
                p("hs_title", "Quote name", group: group), p("hs_expiration_date", "Quote expiration date", "datetime", group: group),
                p("hs_status", "Quote approval status", "enumeration", group: group, options: [
                    ("DRAFT", "Draft"), ("APPROVAL_NOT_NEEDED", "Approval not needed"), ("PENDING_APPROVAL", "Pending approval"),
                    ("APPROVED", "Approved"), ("REJECTED", "Rejected"),
                ]),
                p("hs_language", "Language", group: group), p("hs_currency", "Currency", group: group),
            ]
        case "leads":
            list += [
                p("hs_lead_name", "Lead name", group: group),
                p("hs_lead_type", "Lead type", "enumeration", group: group, options: [("NEW_BUSINESS", "New Business"), ("UPSELL", "Upsell"), ("RE_ATTEMPTING", "Re-attempting")]),
                p("hs_lead_label", "Lead label", "enumeration", group: group, options: [("COLD", "Cold"), ("WARM", "Warm"), ("HOT", "Hot")]),
                p("hs_pipeline", "Pipeline", "enumeration", group: group, external: true),
                p("hs_pipeline_stage", "Lead stage", "enumeration", group: group, external: true),
            ]
        case "calls":
            list += engagement(group) + [
                p("hs_call_title", "Call Title", group: group), p("hs_call_body", "Call notes", group: group, fieldType: "html"),
                p("hs_call_duration", "Call duration", "number", group: group),
                p("hs_call_direction", "Call direction", "enumeration", group: group, options: [("INBOUND", "Inbound"), ("OUTBOUND", "Outbound")]),
                p("hs_call_status", "Call status", "enumeration", group: group, options: [
                    ("BUSY", "Busy"), ("CALLING_CRM_USER", "Calling CRM user"), ("CANCELED", "Canceled"), ("COMPLETED", "Completed"),
                    ("CONNECTING", "Connecting"), ("FAILED", "Failed"), ("IN_PROGRESS", "In progress"), ("NO_ANSWER", "No answer"),
                    ("QUEUED", "Queued"), ("RINGING", "Ringing"),
                ]),
                p("hs_call_to_number", "To number", group: group), p("hs_call_from_number", "From number", group: group),
            ]
        case "emails":
            list += engagement(group) + [
                p("hs_email_subject", "Email subject", group: group), p("hs_email_text", "Email text", group: group),
                p("hs_email_html", "Email HTML", group: group, fieldType: "html"),
                p("hs_email_direction", "Email direction", "enumeration", group: group, options: [
                    ("EMAIL", "Logged email"), ("INCOMING_EMAIL", "Incoming email"), ("FORWARDED_EMAIL", "Forwarded email"),
                ]),
                p("hs_email_status", "Email send status", "enumeration", group: group, options: [
                    ("BOUNCED", "Bounced"), ("FAILED", "Failed"), ("SCHEDULED", "Scheduled"), ("SENDING", "Sending"), ("SENT", "Sent"),
                ]),
            ]
        case "meetings":
            list += engagement(group) + [
                p("hs_meeting_title", "Meeting name", group: group), p("hs_meeting_body", "Meeting description", group: group, fieldType: "html"),
                p("hs_meeting_start_time", "Start time", "datetime", group: group), p("hs_meeting_end_time", "End time", "datetime", group: group),
                p("hs_meeting_location", "Location", group: group),
                p("hs_meeting_outcome", "Meeting outcome", "enumeration", group: group, options: [
                    ("SCHEDULED", "Scheduled"), ("COMPLETED", "Completed"), ("RESCHEDULED", "Rescheduled"), ("NO_SHOW", "No show"),
                    ("CANCELED", "Canceled"),
                ]),
            ]
        case "notes":
            list += engagement(group) + [p("hs_note_body", "Note body", group: group, fieldType: "html")]
        case "tasks":
            list += engagement(group) + [
                p("hs_task_subject", "Task title", group: group), p("hs_task_body", "Task notes", group: group, fieldType: "html"),
                p("hs_task_status", "Task status", "enumeration", group: group, options: [
                    ("NOT_STARTED", "Not started"), ("IN_PROGRESS", "In progress"), ("WAITING", "Waiting"), ("COMPLETED", "Completed"),
                    ("DEFERRED", "Deferred"),
                ]),
                p("hs_task_priority", "Priority", "enumeration", group: group, options: [("NONE", "None"), ("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High")]),
                p("hs_task_type", "Task type", "enumeration", group: group, options: [("EMAIL", "Email"), ("CALL", "Call"), ("TODO", "To-do"), ("LINKED_IN", "LinkedIn")]),
            ]
        case "communications":
            list += engagement(group) + [
                p("hs_communication_channel_type", "Channel type", "enumeration", group: group, options: [
                    ("SMS", "SMS"), ("WHATS_APP", "WhatsApp"), ("LINKEDIN_MESSAGE", "LinkedIn"), ("PHYSICAL_MAIL", "Postal mail"),
                ]),
                p("hs_communication_logged_from", "Logged from", "enumeration", group: group, options: [("CRM", "CRM")]),
                p("hs_communication_body", "Body", group: group, fieldType: "html"),
            ]
        default:
            break
        }
        for i in list.indices { list[i].displayOrder = i }
        return list
    }

    private static func engagement(_ group: String) -> [PropertyDefinition] {
        [p("hs_timestamp", "Activity date", "datetime", group: group)]
    }

    static func groups(for type: ObjectType) -> [PropertyGroup] {
        var groups = [PropertyGroup(name: type.singular + "information", label: type.singular.capitalized + " information", displayOrder: 0)]
        if type.name == "contacts" {
            groups.append(PropertyGroup(name: "sales_properties", label: "Sales properties", displayOrder: 1))
            groups.append(PropertyGroup(name: "deal_information", label: "Deal information", displayOrder: 2))
        }
        return groups
    }
}
