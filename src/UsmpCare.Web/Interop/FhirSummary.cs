using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
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
    DateTimeOffset Now);

/// <summary>
/// The patient's summary as a FHIR R4 document Bundle, in the shape of the International Patient Summary where it fits:
/// a Composition first (problems, allergies, medications, encounters, consents, documents), then every resource it
/// points to. Every reference is a « urn:uuid: » that is the fullUrl of an entry of the same bundle, so the bundle
/// stands alone. The écrou is not in it: a health space holds health data, not the prison's number.
/// </summary>
public static class FhirSummary
{
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    private const string Loinc = "http://loinc.org";
    /// <summary>The ANSM's substance codes (those of CIS_COMPO_bdpm), as Interop'Santé's French FHIR guides name them.</summary>
    public const string AnsmSubstance = "http://data.esante.gouv.fr/ansm/medicament/substance";
    /// <summary>IPS codes for « no known allergies » and « no information about allergies ».</summary>
    public const string IpsAbsentUnknown = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
    private const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    /// <summary>OID of the INS (identifiant national de santé, NIR-based).</summary>
    private const string InsSystem = "urn:oid:1.2.250.1.213.1.4.8";

    public static Bundle Build(FhirSummaryInput input)
    {
        var patient = input.Patient;
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Document,
            Identifier = new Identifier("urn:ietf:rfc:3986", Urn(Guid.NewGuid())),
            Timestamp = input.Now,
        };
        var organizationUrl = Urn(input.Unit.Id);
        var patientUrl = Urn(patient.Id);
        var organization = new Organization
        {
            Name = input.Unit.Name,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, input.Unit.Phone)],
            Address = [new Address { Text = input.Unit.Address }],
            PartOf = null,
        };
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

        var resources = new List<(string Url, Resource Resource)>();
        var encounters = new List<string>();
        var problems = new List<string>();
        var medications = new List<string>();
        var allergies = new List<string>();
        var consents = new List<string>();
        var documents = new List<string>();

        // P17: an amended consultation is summarised by its amendment only.
        var amended = input.SignedConsultations.Where(e => e.AmendsId is not null).Select(e => e.AmendsId!.Value).ToHashSet();
        var consultations = input.SignedConsultations.Where(e => !amended.Contains(e.Id)).OrderByDescending(e => e.OccurredAt).ToList();
        var recent = input.Now.AddMonths(-3);
        var seenCodes = new HashSet<string>();
        foreach (var entry in consultations)
        {
            var encounterUrl = Urn(entry.Id);
            encounters.Add(encounterUrl);
            resources.Add((encounterUrl, new Encounter
            {
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
                Type = [new CodeableConcept { Text = (entry.ConsultationType ?? ConsultationType.Consultation).Label() }],
                ServiceType = new CodeableConcept { Text = entry.Team == Team.Psychiatric ? "Psychiatrie" : "Soins somatiques" },
                Subject = new ResourceReference(patientUrl),
                Period = new Period { Start = entry.OccurredAt.ToString("o") },
                ServiceProvider = new ResourceReference(organizationUrl),
            }));
            foreach (var diagnosis in entry.Diagnoses.Where(d => seenCodes.Add(d.Code)))
            {
                var url = Urn(Guid.NewGuid());
                problems.Add(url);
                resources.Add((url, new Condition
                {
                    ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                    Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
                    Code = new CodeableConcept(Icd10, diagnosis.Code, diagnosis.Label, diagnosis.Label),
                    Subject = new ResourceReference(patientUrl),
                    Encounter = new ResourceReference(encounterUrl),
                    RecordedDate = entry.OccurredAt.ToString("o"),
                }));
            }
            foreach (var line in entry.Prescriptions.Where(p => p.Kind == PrescriptionKind.Prescription))
            {
                var url = Urn(Guid.NewGuid());
                medications.Add(url);
                resources.Add((url, new MedicationRequest
                {
                    Status = entry.OccurredAt >= recent ? MedicationRequest.MedicationrequestStatus.Active : MedicationRequest.MedicationrequestStatus.Unknown,
                    Intent = MedicationRequest.MedicationRequestIntent.Order,
                    Medication = new CodeableConcept { Text = line.Text },
                    Subject = new ResourceReference(patientUrl),
                    Encounter = new ResourceReference(encounterUrl),
                    AuthoredOn = entry.OccurredAt.ToString("o"),
                    DosageInstruction = string.IsNullOrWhiteSpace(line.Dosage) && string.IsNullOrWhiteSpace(line.Duration)
                        ? []
                        : [new Dosage { Text = $"{line.Dosage} {(line.Duration is null ? "" : "pendant " + line.Duration)}".Trim() }],
                }));
            }
        }
        foreach (var allergy in Allergies(input.Patient.Allergies, patientUrl))
        {
            var url = Urn(Guid.NewGuid());
            allergies.Add(url);
            resources.Add((url, allergy));
        }
        foreach (var consent in input.Consents)
        {
            var url = Urn(consent.Id);
            consents.Add(url);
            resources.Add((url, new Consent
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
            }));
        }
        foreach (var document in input.Documents)
        {
            var url = Urn(document.Id);
            documents.Add(url);
            resources.Add((url, new DocumentReference
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
            }));
        }

        var composition = new Composition
        {
            Status = CompositionStatus.Final,
            Type = new CodeableConcept(Loinc, "60591-5", "Patient summary Document"),
            Subject = new ResourceReference(patientUrl),
            Date = input.Now.ToString("o"),
            Author = [new ResourceReference(organizationUrl)],
            Custodian = new ResourceReference(organizationUrl),
            Title = $"Résumé de soins — {input.Unit.Name}",
            Confidentiality = Composition.V3ConfidentialityClassification.R,
            Language = "fr-FR",
            Section =
            [
                Section("Problèmes", "11450-4", problems, input.PsychiatricWithheld),
                Section("Allergies et intolérances", "48765-2", allergies, false),
                Section("Traitements", "10160-0", medications, input.PsychiatricWithheld),
                Section("Consultations", "46240-8", encounters, input.PsychiatricWithheld),
                Section("Consentements", "59284-0", consents, false),
                Section("Documents remis", "55107-7", documents, false),
            ],
        };
        var compositionUrl = Urn(Guid.NewGuid());
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = compositionUrl, Resource = composition });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = patientUrl, Resource = fhirPatient });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = organizationUrl, Resource = organization });
        bundle.Entry.AddRange(resources.Select(r => new Bundle.EntryComponent { FullUrl = r.Url, Resource = r.Resource }));
        return bundle;
    }

    /// <summary>
    /// The allergy record as IPS AllergyIntolerance resources: one per allergy not entered in error (the substance coded
    /// with the ANSM's substance code when it is a drug, criticality from the severity), or one saying « no known
    /// allergies » or « no information about allergies » in the IPS's own codes, so that unknown never reads as none.
    /// </summary>
    private static IEnumerable<AllergyIntolerance> Allergies(AllergyRecord record, string patientUrl)
    {
        if (record.State != AllergyState.Listed)
        {
            var (code, display) = record.State == AllergyState.NoneKnown
                ? ("no-known-allergies", "No known allergies")
                : ("no-allergy-info", "No information about allergies");
            yield return new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept(AllergyClinical, "active"),
                Code = new CodeableConcept(IpsAbsentUnknown, code, display, display),
                Patient = new ResourceReference(patientUrl),
                RecordedDate = record.NoneKnownStatedAt?.ToString("o"),
            };
        }
        foreach (var allergy in record.Entries.Where(e => e.WithdrawalReason != AllergyWithdrawal.Erroneous))
        {
            yield return new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept(AllergyClinical, allergy.IsActive ? "active" : "resolved"),
                VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
                Type = AllergyIntolerance.AllergyIntoleranceType.Allergy,
                Category = allergy.Kind switch
                {
                    AllergenKind.Drug => [AllergyIntolerance.AllergyIntoleranceCategory.Medication],
                    AllergenKind.Food => [AllergyIntolerance.AllergyIntoleranceCategory.Food],
                    AllergenKind.Latex => [AllergyIntolerance.AllergyIntoleranceCategory.Environment],
                    _ => [],
                },
                Criticality = allergy.Severity switch
                {
                    AllergySeverity.Severe => AllergyIntolerance.AllergyIntoleranceCriticality.High,
                    AllergySeverity.Unknown => AllergyIntolerance.AllergyIntoleranceCriticality.UnableToAssess,
                    _ => AllergyIntolerance.AllergyIntoleranceCriticality.Low,
                },
                Code = allergy.SubstanceCode is { } substance
                    ? new CodeableConcept(AnsmSubstance, substance, allergy.Substance, allergy.Substance)
                    : new CodeableConcept { Text = allergy.Substance },
                Patient = new ResourceReference(patientUrl),
                RecordedDate = allergy.RecordedAt.ToString("o"),
                Reaction = allergy.Reaction == AllergyRecord.UnspecifiedReaction ? [] :
                [
                    new AllergyIntolerance.ReactionComponent
                    {
                        Manifestation = [new CodeableConcept { Text = allergy.Reaction }],
                        Severity = allergy.Severity switch
                        {
                            AllergySeverity.Mild => AllergyIntolerance.AllergyIntoleranceSeverity.Mild,
                            AllergySeverity.Moderate => AllergyIntolerance.AllergyIntoleranceSeverity.Moderate,
                            AllergySeverity.Severe => AllergyIntolerance.AllergyIntoleranceSeverity.Severe,
                            _ => null,
                        },
                    },
                ],
            };
        }
    }

    public static string Serialize(Bundle bundle) =>
        new BaseFhirJsonSerializer(ModelInfo.ModelInspector).SerializeToString(bundle, pretty: true);

    private static Composition.SectionComponent Section(string title, string loinc, List<string> entries, bool psychiatricWithheld)
    {
        var section = new Composition.SectionComponent
        {
            Title = title,
            Code = new CodeableConcept(Loinc, loinc, title),
            Entry = [.. entries.Select(url => new ResourceReference(url))],
        };
        var note = psychiatricWithheld
            ? " Le suivi psychiatrique n'est pas inclus : le patient n'a pas donné son accord au partage (P30)."
            : "";
        section.Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{System.Net.WebUtility.HtmlEncode($"{title} : {entries.Count} élément(s).{note}")}</div>",
        };
        if (entries.Count == 0)
        {
            section.EmptyReason = new CodeableConcept("http://terminology.hl7.org/CodeSystem/list-empty-reason",
                psychiatricWithheld ? "withheld" : "nilknown");
        }
        return section;
    }

    private static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
