using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using UsmpCare.Domain.Units;
using DomainPatient = UsmpCare.Domain.Patients.Patient;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace UsmpCare.Web.Interop;

/// <summary>What a summary may contain, already filtered by the caller's consent and team rules (P20, P30).</summary>
public sealed record FhirSummaryInput(
    DomainPatient Patient,
    Unit Unit,
    IReadOnlyList<ClinicalEntry> SignedConsultations,
    bool PsychiatricWithheld,
    IReadOnlyList<ConsentEntry> Consents,
    IReadOnlyList<IssuedDocument> Documents,
    DateTimeOffset Now)
{
    /// <summary>Signed prescriptions of the readable teams, every version (the current ones are picked here).</summary>
    public IReadOnlyList<Prescription> Prescriptions { get; init; } = [];

    /// <summary>The problem list (<see cref="Problem.Listed"/>) of the readable teams.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public IReadOnlyList<Vaccination> Vaccinations { get; init; } = [];

    /// <summary>Tests whose result is entered, with it.</summary>
    public IReadOnlyList<TestOrder> Results { get; init; } = [];
}

/// <summary>
/// The patient's summary as a FHIR R4 document Bundle in the shape of the International Patient Summary (IPS): a
/// Composition first, attested by the unit, whose sections (problems, allergies, medications, immunizations, results,
/// then encounters, consents, documents) carry a narrative and point to every resource that follows. Every reference is
/// a « urn:uuid: » that is the fullUrl of an entry of the same bundle, so the bundle stands alone; every id is derived
/// from our own (<see cref="FhirIds"/>), so it is the same from one export to the next. The écrou is not in it: a health
/// space holds health data, not the prison's number.
/// </summary>
public static class FhirSummary
{
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Loinc = "http://loinc.org";

    /// <summary>OID of the INS (identifiant national de santé, NIR-based).</summary>
    private const string InsSystem = "urn:oid:1.2.250.1.213.1.4.8";

    public static Bundle Build(FhirSummaryInput input)
    {
        var patient = input.Patient;
        var organizationUrl = Claim(new Organization
        {
            Name = input.Unit.Name,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, input.Unit.Phone)],
            Address = [new Address { Text = input.Unit.Address }],
        }, input.Unit.Id, out var organization);
        var fhirPatient = new FhirPatient
        {
            Name = [new HumanName { Family = patient.LastName, Given = [patient.FirstName], Use = HumanName.NameUse.Official }],
            Gender = patient.Sex switch
            {
                Domain.Patients.Sex.Female => AdministrativeGender.Female,
                Domain.Patients.Sex.Male => AdministrativeGender.Male,
                _ => AdministrativeGender.Unknown,
            },
            BirthDate = patient.BirthDate.ToString("yyyy-MM-dd"),
            ManagingOrganization = new ResourceReference(organizationUrl),
        };
        if (!string.IsNullOrWhiteSpace(patient.BirthName))
        {
            fhirPatient.Name.Add(new HumanName { Family = patient.BirthName, Given = [patient.FirstName], Use = HumanName.NameUse.Maiden });
        }
        if (!string.IsNullOrWhiteSpace(patient.Ins))
        {
            fhirPatient.Identifier.Add(new Identifier(InsSystem, patient.Ins));
        }
        var patientUrl = Claim<FhirPatient>(fhirPatient, patient.Id, out _);
        var refs = new FhirRefs(patientUrl, organizationUrl, input.Now);

        var encounters = new List<Item>();
        var problems = new List<Item>();
        var medications = new List<Item>();
        var consents = new List<Item>();
        var documents = new List<Item>();

        // The problem list first; a consultation's diagnosis not on it follows as an encounter diagnosis.
        var listedCodes = input.Problems.Select(p => p.Code).ToHashSet();
        problems.AddRange(input.Problems.OrderByDescending(p => p.Status == ProblemStatus.Active).ThenBy(p => p.Code)
            .Select(p => FhirClinical.Condition(p, refs)));
        // P17: an amended consultation is summarised by its amendment only.
        var amended = input.SignedConsultations.Where(e => e.AmendsId is not null).Select(e => e.AmendsId!.Value).ToHashSet();
        var consultations = input.SignedConsultations.Where(e => !amended.Contains(e.Id)).OrderByDescending(e => e.OccurredAt).ToList();
        foreach (var entry in consultations)
        {
            var encounterUrl = Claim(new Encounter
            {
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
                Type = [new CodeableConcept { Text = (entry.ConsultationType ?? ConsultationType.Consultation).Label() }],
                ServiceType = new CodeableConcept { Text = entry.Team == Team.Psychiatric ? "Psychiatrie" : "Soins somatiques" },
                Subject = new ResourceReference(patientUrl),
                Period = new Period { Start = entry.OccurredAt.ToString("o") },
                ServiceProvider = new ResourceReference(organizationUrl),
            }, entry.Id, out var encounter);
            encounters.Add(new(encounterUrl, encounter,
                $"{Infrastructure.Fr.DateTime(entry.OccurredAt)} : {(entry.ConsultationType ?? ConsultationType.Consultation).Label()}"));
            foreach (var diagnosis in entry.Diagnoses.Where(d => listedCodes.Add(d.Code)))
            {
                problems.Add(FhirClinical.Condition(entry, diagnosis, encounterUrl, refs));
            }
            medications.AddRange(entry.Prescriptions.Where(p => p.Kind == PrescriptionKind.Prescription)
                .Select((line, index) => FhirClinical.ConsultationRequest(entry, line, index, encounterUrl, refs)));
        }
        medications.InsertRange(0, FhirClinical.Medications(input.Prescriptions, refs));
        var allergies = FhirClinical.Allergies(patient, refs).ToList();
        var immunizations = input.Vaccinations.OrderByDescending(v => v.GivenOn).Select(v => FhirClinical.Immunization(v, refs)).ToList();
        var results = input.Results.Where(o => o.Result is not null).OrderByDescending(o => o.Result!.ResultOn)
            .Select(o => FhirClinical.Observation(o, o.Result!, refs)).ToList();
        foreach (var consent in input.Consents)
        {
            var url = Claim(new Consent
            {
                Status = consent.Decision == ConsentDecision.Agreed ? Consent.ConsentState.Active : Consent.ConsentState.Rejected,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                Category = [new CodeableConcept(Loinc, "59284-0", "Patient Consent", consent.Topic.Label())],
                Patient = new ResourceReference(patientUrl),
                DateTime = consent.RecordedAt.ToString("o"),
                PolicyRule = new CodeableConcept { Text = consent.Topic.Label() },
                Provision = new Consent.provisionComponent
                {
                    Type = consent.Decision == ConsentDecision.Agreed ? Consent.ConsentProvisionType.Permit : Consent.ConsentProvisionType.Deny,
                },
            }, consent.Id, out var resource);
            consents.Add(new(url, resource, $"{consent.Topic.Label()} : {(consent.Decision == ConsentDecision.Agreed ? "accord" : "refus")} du {Infrastructure.Fr.DateTime(consent.RecordedAt)}"));
        }
        foreach (var document in input.Documents)
        {
            var url = Claim(new DocumentReference
            {
                Status = DocumentReferenceStatus.Current,
                Type = new CodeableConcept { Text = document.Title },
                Subject = new ResourceReference(patientUrl),
                Date = document.IssuedAt,
                Description = $"{document.Title} n° {document.Number}",
                Author = [new ResourceReference(organizationUrl)],
                Content =
                [
                    new DocumentReference.ContentComponent
                    {
                        Attachment = new Attachment
                        {
                            ContentType = "application/pdf",
                            Language = "fr-FR",
                            Data = document.Pdf,
                            Title = $"{document.Number}.pdf",
                            Creation = document.IssuedAt.ToString("o"),
                        },
                    },
                ],
            }, document.Id, out var resource);
            documents.Add(new(url, resource, $"{document.Title} n° {document.Number}, remis le {Infrastructure.Fr.DateTime(document.IssuedAt)}"));
        }

        var withheld = input.PsychiatricWithheld;
        var title = $"Résumé de soins — {input.Unit.Name}";
        var composition = new Composition
        {
            Text = Narrative($"<p>{Html(title)}, établi le {Html(Infrastructure.Fr.DateTime(input.Now))}.</p>"),
            Status = CompositionStatus.Final,
            Type = new CodeableConcept(Loinc, FhirIps.SummaryDocument, "Patient summary Document"),
            Subject = new ResourceReference(patientUrl),
            Date = input.Now.ToString("o"),
            Author = [new ResourceReference(organizationUrl)],
            // The unit holds the record and answers for what it sends (art. R.1112-7 CSP: the establishment keeps it).
            Attester = [new Composition.AttesterComponent
            {
                Mode = Composition.CompositionAttestationMode.Legal,
                Time = input.Now.ToString("o"),
                Party = new ResourceReference(organizationUrl),
            }],
            Custodian = new ResourceReference(organizationUrl),
            Title = title,
            Confidentiality = Composition.V3ConfidentialityClassification.R,
            Language = "fr-FR",
            Section =
            [
                Section("Problèmes", FhirIps.ProblemsSection, problems, withheld),
                Section("Allergies et intolérances", FhirIps.AllergiesSection, allergies, false),
                Section("Traitements", FhirIps.MedicationsSection, medications, withheld),
                Section("Vaccinations", FhirIps.ImmunizationsSection, immunizations, withheld),
                Section("Résultats d'examens", FhirIps.ResultsSection, results, withheld),
                Section("Consultations", "46240-8", encounters, withheld),
                Section("Consentements", "59284-0", consents, false),
                Section("Documents remis", "55107-7", documents, false),
            ],
        };
        // The same patient's summary is the same Composition, in a new bundle each time it is sent.
        var compositionUrl = Claim<Composition>(composition, patient.Id, out _);
        var bundleId = FhirIds.Of("Bundle", patient.Id, input.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bundle = new Bundle
        {
            Id = bundleId.ToString("D"),
            Meta = Profile(FhirIps.BundleProfile),
            Type = Bundle.BundleType.Document,
            Identifier = new Identifier("urn:ietf:rfc:3986", FhirIds.Urn(bundleId)),
            Timestamp = input.Now,
        };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = compositionUrl, Resource = composition });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = patientUrl, Resource = fhirPatient });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = organizationUrl, Resource = organization });
        bundle.Entry.AddRange(new[] { problems, allergies, medications, immunizations, results, encounters, consents, documents }
            .SelectMany(items => items).Select(i => new Bundle.EntryComponent { FullUrl = i.Url, Resource = i.Resource }));
        return bundle;
    }

    public static string Serialize(Bundle bundle) =>
        new BaseFhirJsonSerializer(ModelInfo.ModelInspector).SerializeToString(bundle, pretty: true);

    /// <summary>Gives <paramref name="resource"/> its id derived from <paramref name="ourId"/> and its IPS profile; returns its fullUrl.</summary>
    internal static string Claim<T>(T resource, Guid ourId, out T claimed, string? part = null) where T : Resource
    {
        var id = FhirIds.Of(resource.TypeName, ourId, part);
        resource.Id = id.ToString("D");
        if (FhirIps.ProfileOf(resource) is { } profile)
        {
            resource.Meta = Profile(profile);
        }
        claimed = resource;
        return FhirIds.Urn(id);
    }

    private static Meta Profile(string url) => new() { Profile = [url] };

    internal static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static Narrative Narrative(string xhtml) => new()
    {
        Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated,
        Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{xhtml}</div>",
    };

    /// <summary>A section whose narrative lists, in French, what each of its entries says.</summary>
    private static Composition.SectionComponent Section(string title, string loinc, List<Item> items, bool psychiatricWithheld)
    {
        var note = psychiatricWithheld
            ? "<p>Le suivi psychiatrique n'est pas inclus : le patient n'a pas donné son accord au partage entre les équipes.</p>"
            : "";
        var list = items.Count == 0 ? "<p>Aucun élément.</p>" : $"<ul>{string.Concat(items.Select(i => $"<li>{Html(i.Line)}</li>"))}</ul>";
        var section = new Composition.SectionComponent
        {
            Title = title,
            Code = new CodeableConcept(Loinc, loinc, title),
            Text = Narrative($"<p>{Html(title)} : {items.Count} élément(s).</p>{list}{note}"),
            Entry = [.. items.Select(i => new ResourceReference(i.Url))],
        };
        if (items.Count == 0)
        {
            section.EmptyReason = new CodeableConcept("http://terminology.hl7.org/CodeSystem/list-empty-reason",
                psychiatricWithheld ? "withheld" : "nilknown");
        }
        return section;
    }
}

/// <summary>One resource of the summary: its fullUrl, itself, and the line its section's narrative shows.</summary>
internal sealed record Item(string Url, Resource Resource, string Line);

/// <summary>What every clinical resource points to.</summary>
internal sealed record FhirRefs(string PatientUrl, string OrganizationUrl, DateTimeOffset Now)
{
    public ResourceReference Patient => new(PatientUrl);
    public ResourceReference Organization => new(OrganizationUrl);
}
