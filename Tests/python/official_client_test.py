"""HubSpot's official Python client (hubspot-api-client) against the hubsh sandbox over HTTP.

The sandbox promises to be a HubSpot that clients cannot tell apart from the real one
for the calls it supports; this file checks that promise with the client HubSpot
itself ships, through the loopback server of `hubsh sandbox serve`.

Run it with Tests/python/run, or by hand:
    HUBSH_SANDBOX_URL=http://127.0.0.1:PORT python -m pytest Tests/python/official_client_test.py
"""

import json
import os
import uuid

import pytest
from hubspot import HubSpot
from hubspot.crm.associations.v4 import (
    AssociationSpec as V4AssociationSpec,
    BatchInputPublicDefaultAssociationMultiPost,
    BatchInputPublicFetchAssociationsBatchRequest,
    PublicDefaultAssociationMultiPost,
    PublicFetchAssociationsBatchRequest,
    PublicObjectId as V4ObjectId,
)
from hubspot.crm.companies import SimplePublicObjectInputForCreate as CompanyInput
from hubspot.crm.contacts import (
    ApiException,
    BatchInputSimplePublicObjectBatchInput,
    BatchInputSimplePublicObjectBatchInputForCreate,
    BatchInputSimplePublicObjectId,
    BatchReadInputSimplePublicObjectId,
    Filter,
    FilterGroup,
    PublicObjectSearchRequest,
    SimplePublicObjectBatchInput,
    SimplePublicObjectBatchInputForCreate,
    SimplePublicObjectId,
    SimplePublicObjectInput,
    SimplePublicObjectInputForCreate,
)
from hubspot.crm.deals import (
    AssociationSpec as DealAssociationSpec,
    PublicAssociationsForObject,
    PublicObjectId,
    SimplePublicObjectInputForCreate as DealInput,
)

BASE_URL = os.environ.get("HUBSH_SANDBOX_URL")
pytestmark = pytest.mark.skipif(not BASE_URL, reason="HUBSH_SANDBOX_URL is not set (use Tests/python/run)")


@pytest.fixture(scope="module")
def client():
    # The official client takes the host through its configuration, as for HubSpot's EU data centre.
    return HubSpot(access_token="sandbox-token", host=BASE_URL)


def unique_email(tag):
    return f"{tag}-{uuid.uuid4().hex[:12]}@example.com"


def new_contact(client, tag="py", **properties):
    properties = {"email": unique_email(tag), "firstname": "Ada", "lastname": "Lovelace", **properties}
    return client.crm.contacts.basic_api.create(
        simple_public_object_input_for_create=SimplePublicObjectInputForCreate(properties=properties, associations=[])
    )


def test_create_read_update_archive_contact(client):
    created = new_contact(client, "crud")
    assert created.id
    assert created.properties["firstname"] == "Ada"
    assert created.created_at is not None and created.archived is False

    fetched = client.crm.contacts.basic_api.get_by_id(created.id, properties=["email", "firstname", "lastname"])
    assert fetched.id == created.id
    assert fetched.properties["email"] == created.properties["email"]

    updated = client.crm.contacts.basic_api.update(
        created.id, simple_public_object_input=SimplePublicObjectInput(properties={"lastname": "Byron"})
    )
    assert updated.properties["lastname"] == "Byron"

    client.crm.contacts.basic_api.archive(created.id)
    with pytest.raises(ApiException) as missing:
        client.crm.contacts.basic_api.get_by_id(created.id)
    assert missing.value.status == 404
    body = json.loads(missing.value.body)
    assert body["status"] == "error" and body["message"] and body["correlationId"]


def test_duplicate_email_is_a_conflict(client):
    first = new_contact(client, "dup")
    with pytest.raises(ApiException) as conflict:
        new_contact(client, email=first.properties["email"])
    assert conflict.value.status == 409
    assert f"Existing ID: {first.id}" in json.loads(conflict.value.body)["message"]


def test_paging_companies_with_get_page_and_get_all(client):
    tag = uuid.uuid4().hex[:8]
    ids = set()
    for n in range(5):
        company = client.crm.companies.basic_api.create(
            simple_public_object_input_for_create=CompanyInput(
                properties={"name": f"Paging {tag} {n}", "domain": f"p{n}-{tag}.example.com"}, associations=[]
            )
        )
        ids.add(company.id)

    seen, after, pages = set(), None, 0
    while True:
        page = client.crm.companies.basic_api.get_page(limit=2, after=after, properties=["name"])
        assert len(page.results) <= 2
        seen.update(company.id for company in page.results)
        pages += 1
        if page.paging is None or page.paging.next is None:
            break
        after = page.paging.next.after
    assert ids <= seen
    assert pages >= 3

    everything = client.crm.companies.get_all(properties=["name"])
    assert ids <= {company.id for company in everything}


def test_search_contacts(client):
    tag = uuid.uuid4().hex[:8]
    contact = new_contact(client, "search", lastname=f"Search{tag}")
    request = PublicObjectSearchRequest(
        filter_groups=[FilterGroup(filters=[Filter(property_name="lastname", operator="EQ", value=f"Search{tag}")])],
        properties=["email", "lastname"],
        limit=10,
    )
    found = client.crm.contacts.search_api.do_search(public_object_search_request=request)
    assert found.total == 1
    assert [result.id for result in found.results] == [contact.id]
    assert found.results[0].properties["lastname"] == f"Search{tag}"


def test_batch_create_read_update_archive(client):
    emails = [unique_email(f"batch{n}") for n in range(3)]
    created = client.crm.contacts.batch_api.create(
        batch_input_simple_public_object_batch_input_for_create=BatchInputSimplePublicObjectBatchInputForCreate(
            inputs=[SimplePublicObjectBatchInputForCreate(properties={"email": e}, associations=[]) for e in emails]
        )
    )
    assert created.status == "COMPLETE"
    assert sorted(r.properties["email"] for r in created.results) == sorted(emails)
    ids = [r.id for r in created.results]

    read = client.crm.contacts.batch_api.read(
        batch_read_input_simple_public_object_id=BatchReadInputSimplePublicObjectId(
            inputs=[SimplePublicObjectId(id=i) for i in ids], properties=["email"], properties_with_history=[]
        )
    )
    assert sorted(r.id for r in read.results) == sorted(ids)

    updated = client.crm.contacts.batch_api.update(
        batch_input_simple_public_object_batch_input=BatchInputSimplePublicObjectBatchInput(
            inputs=[SimplePublicObjectBatchInput(id=i, properties={"jobtitle": "Engineer"}) for i in ids]
        )
    )
    assert updated.status == "COMPLETE" and sorted(r.id for r in updated.results) == sorted(ids)
    reread = client.crm.contacts.batch_api.read(
        batch_read_input_simple_public_object_id=BatchReadInputSimplePublicObjectId(
            inputs=[SimplePublicObjectId(id=i) for i in ids], properties=["jobtitle"], properties_with_history=[]
        )
    )
    assert all(r.properties.get("jobtitle") == "Engineer" for r in reread.results)

    client.crm.contacts.batch_api.archive(
        batch_input_simple_public_object_id=BatchInputSimplePublicObjectId(inputs=[SimplePublicObjectId(id=i) for i in ids])
    )
    with pytest.raises(ApiException) as gone:
        client.crm.contacts.basic_api.get_by_id(ids[0])
    assert gone.value.status == 404


def test_associations_v4_between_contact_and_company(client):
    contact = new_contact(client, "assoc")
    company = client.crm.companies.basic_api.create(
        simple_public_object_input_for_create=CompanyInput(properties={"name": "Assoc Inc"}, associations=[])
    )
    v4 = client.crm.associations.v4.basic_api
    v4.create_default("contacts", contact.id, "companies", company.id)
    page = v4.get_page("contacts", contact.id, "companies")
    assert [int(r.to_object_id) for r in page.results] == [int(company.id)]
    type_ids = {t.type_id for t in page.results[0].association_types}
    assert 279 in type_ids

    # The other direction, labelled with an explicit HubSpot-defined type.
    v4.create("companies", company.id, "contacts", contact.id,
              association_spec=[V4AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=280)])
    back = v4.get_page("companies", company.id, "contacts")
    assert int(contact.id) in [int(r.to_object_id) for r in back.results]

    v4.archive("contacts", contact.id, "companies", company.id)
    assert v4.get_page("contacts", contact.id, "companies").results == []


def test_deal_created_with_associations(client):
    contact = new_contact(client, "deal")
    deal = client.crm.deals.basic_api.create(
        simple_public_object_input_for_create=DealInput(
            properties={"dealname": "Big deal", "amount": "1200", "pipeline": "default", "dealstage": "appointmentscheduled"},
            associations=[
                PublicAssociationsForObject(
                    to=PublicObjectId(id=contact.id),
                    types=[DealAssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=3)],
                )
            ],
        )
    )
    assert deal.properties["dealname"] == "Big deal"
    fetched = client.crm.deals.basic_api.get_by_id(deal.id, associations=["contacts"])
    linked = fetched.associations["contacts"].results
    assert [r.id for r in linked] == [contact.id]


def test_search_pages_and_sorts(client):
    tag = uuid.uuid4().hex[:8]
    ids = [new_contact(client, "sp", lastname=f"Pager{tag}", firstname=name).id for name in ("Cy", "Al", "Bo")]
    seen, after = [], None
    while True:
        page = client.crm.contacts.search_api.do_search(
            public_object_search_request=PublicObjectSearchRequest(
                filter_groups=[FilterGroup(filters=[Filter(property_name="lastname", operator="EQ", value=f"Pager{tag}")])],
                sorts=["firstname"],
                properties=["firstname"],
                limit=1,
                after=after,
            )
        )
        assert page.total == 3
        seen += [r.properties["firstname"] for r in page.results]
        if page.paging is None or page.paging.next is None:
            break
        after = page.paging.next.after
    assert seen == ["Al", "Bo", "Cy"]
    assert len(ids) == 3


def test_get_by_email_as_id_property(client):
    contact = new_contact(client, "idprop")
    email = contact.properties["email"]
    fetched = client.crm.contacts.basic_api.get_by_id(email, id_property="email", properties=["email"])
    assert fetched.id == contact.id


def test_batch_associations_v4(client):
    contacts = [new_contact(client, f"ba{n}") for n in range(2)]
    company = client.crm.companies.basic_api.create(
        simple_public_object_input_for_create=CompanyInput(properties={"name": "Batch Assoc"}, associations=[])
    )
    batch = client.crm.associations.v4.batch_api
    batch.create_default(
        "contacts", "companies",
        batch_input_public_default_association_multi_post=BatchInputPublicDefaultAssociationMultiPost(
            inputs=[PublicDefaultAssociationMultiPost(_from=V4ObjectId(id=c.id), to=V4ObjectId(id=company.id)) for c in contacts]
        ),
    )
    read = batch.get_page(
        "contacts", "companies",
        batch_input_public_fetch_associations_batch_request=BatchInputPublicFetchAssociationsBatchRequest(
            inputs=[PublicFetchAssociationsBatchRequest(id=c.id) for c in contacts]
        ),
    )
    by_contact = {r._from.id: [int(t.to_object_id) for t in r.to] for r in read.results}
    assert by_contact == {c.id: [int(company.id)] for c in contacts}


def test_schema_properties_pipelines_owners(client):
    properties = client.crm.properties.core_api.get_all("contacts")
    names = {p.name for p in properties.results}
    assert {"email", "firstname", "lastname"} <= names
    pipelines = client.crm.pipelines.pipelines_api.get_all("deals")
    assert any(p.id == "default" for p in pipelines.results)
    assert all(stage.id for p in pipelines.results for stage in p.stages)
    owners = client.crm.owners.owners_api.get_page(limit=10)
    assert owners.results is not None
