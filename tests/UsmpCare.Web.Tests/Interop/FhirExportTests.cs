using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Interop;
using UsmpCare.Web.Tests.Infrastructure;
using UsmpCare.Web.Treatments;
using Task = System.Threading.Tasks.Task;

namespace UsmpCare.Web.Tests.Interop;

/// <summary>P20, P30, P02: the FHIR R4 summary, its consent gate, and its entry in the disclosure ledger.</summary>
public sealed class FhirExportTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_summary_parses_back_as_a_document_bundle_whose_every_reference_resolves_inside_it()
    {
        var patient = await app.NewPatientAsync("Fhir");
        var amoxicillin = await app.WithDbAsync(async db =>
        {
            var substance = (await db.Drugs.FindSubstanceAsync("amoxicilline"))!;
            var allergies = (await db.Patients.SingleAsync(p => p.Id == patient.Id)).Allergies;
            allergies.Record(AllergenKind.Drug, substance.Name, substance.Code, "Œdème de Quincke", AllergySeverity.Severe, "Dr Test", At);
            allergies.Record(AllergenKind.Food, "Arachide", null, null, AllergySeverity.Moderate, "Dr Test", At);
            var mistaken = allergies.Record(AllergenKind.Latex, "Latex", null, null, AllergySeverity.Mild, "Dr Test", At);
            allergies.Withdraw(mistaken.Number, AllergyWithdrawal.Erroneous, "Dr Test", At);
            await db.SaveChangesAsync();
            return substance;
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var consultation = Clinic.ConsultationForm(patient.Id);
        consultation["Input.Diagnoses[0]"] = "I10";
        consultation["Input.Prescriptions[0].Text"] = "Amlodipine 5 mg";
        consultation["Input.Prescriptions[0].Dosage"] = "1 cp le matin";
        consultation["Input.Prescriptions[0].Consented"] = "true";
        await physician.PostConsultationAsync("Sign", consultation);
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);

        var response = await physician.PostFormAsync($"/Patients/MonEspaceSante/{patient.Id}", []);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var json = await response.Content.ReadAsStringAsync();
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        bundle.Type.Should().Be(Bundle.BundleType.Document);
        bundle.Entry[0].Resource.Should().BeOfType<Composition>("a document bundle starts with its Composition");
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        resources.OfType<Hl7.Fhir.Model.Patient>().Single().Name[0].Family.Should().Be("Fhir");
        resources.OfType<Condition>().Should().Contain(c => c.Code!.Coding[0].System == "http://hl7.org/fhir/sid/icd-10" && c.Code.Coding[0].Code == "I10");
        resources.OfType<MedicationRequest>().Single().Medication.Should().BeOfType<CodeableConcept>()
            .Which.Text.Should().Be("Amlodipine 5 mg");
        // Issue #20: coded where the referential codes it; an allergy entered in error does not leave.
        var allergies = resources.OfType<AllergyIntolerance>().ToList();
        allergies.Should().HaveCount(2);
        var drug = allergies.Single(a => a.Category.Contains(AllergyIntolerance.AllergyIntoleranceCategory.Medication));
        drug.Code!.Coding.Should().ContainSingle(c => c.System == FhirSummary.AnsmSubstance && c.Code == amoxicillin.Code);
        drug.Criticality.Should().Be(AllergyIntolerance.AllergyIntoleranceCriticality.High);
        drug.ClinicalStatus!.Coding[0].Code.Should().Be("active");
        drug.VerificationStatus!.Coding[0].Code.Should().Be("confirmed");
        drug.Reaction.Single().Manifestation[0].Text.Should().Be("Œdème de Quincke");
        var food = allergies.Single(a => a.Category.Contains(AllergyIntolerance.AllergyIntoleranceCategory.Food));
        food.Code!.Text.Should().Be("Arachide");
        food.Code.Coding.Should().BeEmpty("free text is not coded");
        food.Reaction.Should().BeEmpty("« non précisée » is no manifestation");
        resources.OfType<Encounter>().Should().ContainSingle();
        resources.OfType<Consent>().Should().ContainSingle(c => c.Status == Consent.ConsentState.Active);
        json.Should().NotContain(patient.Ecrou, "a health space holds health data, not the prison's number");

        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        fullUrls.Should().OnlyContain(u => u.StartsWith("urn:uuid:"));
        var references = References(JsonDocument.Parse(json).RootElement).ToList();
        references.Should().HaveCountGreaterThan(10);
        references.Should().OnlyContain(r => fullUrls.Contains(r), "every reference resolves to an entry of the same bundle");

        var disclosure = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
        disclosure.Recipient.Should().Be(RecipientCategory.MonEspaceSante);
        disclosure.ConsentEntryId.Should().Be(await app.WithDbAsync(db => db.ConsentEntries
            .Where(c => c.PatientId == patient.Id && c.Topic == ConsentTopic.MonEspaceSante).Select(c => c.Id).SingleAsync()));
        disclosure.What.Should().Contain("FHIR R4");
    }

    [Fact]
    public async Task Allergies_not_filled_in_and_none_known_leave_as_the_ips_codes_never_as_each_other()
    {
        var patient = await app.NewPatientAsync("SansAllergie");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        async Task<Coding> ExportedAllergyAsync()
        {
            var json = await (await physician.PostFormAsync($"/Patients/MonEspaceSante/{patient.Id}", [])).Content.ReadAsStringAsync();
            var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
            return bundle.Entry.Select(e => e.Resource).OfType<AllergyIntolerance>().Single().Code!.Coding.Single();
        }

        var unknown = await ExportedAllergyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient.Id)).Allergies.StateNoneKnown("Dr Test", At);
            return await db.SaveChangesAsync();
        });
        var none = await ExportedAllergyAsync();

        unknown.Should().BeEquivalentTo(new { System = FhirSummary.IpsAbsentUnknown, Code = "no-allergy-info" });
        none.Should().BeEquivalentTo(new { System = FhirSummary.IpsAbsentUnknown, Code = "no-known-allergies" });
    }

    [Fact]
    public async Task Without_the_patients_agreement_nothing_goes_to_mon_espace_sante_and_nothing_is_disclosed()
    {
        var patient = await app.NewPatientAsync("SansAccord");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Patients/MonEspaceSante/{patient.Id}";
        (await physician.GetDocumentAsync(url)).Body!.TextContent.Should().Contain("n'a pas donné son accord");

        var refused = await physician.PostFormAsync(url, [], url);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await refused.TextAsync()).Should().Contain("Le patient n'a pas donné son accord à l'alimentation de « Mon espace santé »")
            .And.Contain("Rien n'a été transmis");

        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Refused);
        (await (await physician.PostFormAsync(url, [], url)).TextAsync()).Should().Contain("n'a pas donné son accord", "the latest word wins");
        (await app.WithDbAsync(db => db.Disclosures.AnyAsync(d => d.PatientId == patient.Id))).Should().BeFalse();

        var (code, error) = await ExportByCommandAsync(patient.Ecrou, Path.GetTempFileName());
        code.Should().Be(1);
        error.Should().Contain("n'a pas donné son accord");
        (await app.WithDbAsync(db => db.Disclosures.AnyAsync(d => d.PatientId == patient.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task The_psychiatric_part_leaves_only_while_the_patient_agrees_to_sharing_between_the_teams()
    {
        var patient = await app.NewPatientAsync("PsyFhir");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var psy = Clinic.ConsultationForm(patient.Id, "Entretien psychiatrique confidentiel");
        psy["Input.Diagnoses[0]"] = "F10.1";
        await psychiatrist.PostConsultationAsync("Sign", psy);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var somatic = Clinic.ConsultationForm(patient.Id);
        somatic["Input.Diagnoses[0]"] = "I10";
        await physician.PostConsultationAsync("Sign", somatic);
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        var url = $"/Patients/MonEspaceSante/{patient.Id}";

        var withheld = await (await physician.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        withheld.Should().Contain("\"I10\"").And.NotContain("F10.1").And.NotContain("Psychiatrie")
            .And.Contain("withheld", "the sections say something was left out");

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);
        var shared = await (await physician.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        shared.Should().Contain("F10.1").And.Contain("Psychiatrie");

        var ledger = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == patient.Id).OrderBy(d => d.At).ToListAsync());
        ledger.Select(d => d.What).Should().SatisfyRespectively(
            first => first.Should().Contain("sans le suivi psychiatrique"),
            second => second.Should().Contain("suivi psychiatrique inclus"));

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Refused);
        var psychiatristsOwn = await (await psychiatrist.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        psychiatristsOwn.Should().NotContain("F10.1", "sharing withdrawn: the psychiatric record stays with its team, whoever exports")
            .And.NotContain("\"I10\"", "nor may the psychiatrist send the somatic record he cannot read");
    }

    [Fact]
    public async Task The_release_page_hands_the_patient_his_summary_and_records_it()
    {
        var patient = await app.NewPatientAsync("SortieFhir");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var url = $"/Continuity/Release/{patient.Id}";
        (await coordinator.GetDocumentAsync(url)).Body!.TextContent.Should().Contain("Résumé numérique pour le prochain médecin");

        var response = await coordinator.PostFormAsync(url + "?handler=Fhir", [], url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync()).Type.Should().Be(Bundle.BundleType.Document);
        var disclosure = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
        disclosure.Recipient.Should().Be(RecipientCategory.Patient);
        disclosure.Exception.Should().Be(LegalException.PatientHimself);
    }

    [Fact]
    public async Task The_operator_export_needs_the_agreement_and_is_recorded_in_the_ledger_and_the_audit_trail()
    {
        var patient = await app.NewPatientAsync("Operateur");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        var path = Path.Combine(Path.GetTempPath(), $"fhir-{Guid.NewGuid():N}.json");
        try
        {
            var (code, _) = await ExportByCommandAsync(patient.Ecrou, path);

            code.Should().Be(0);
            new FhirJsonDeserializer().Deserialize<Bundle>(await File.ReadAllTextAsync(path)).Entry.Should().NotBeEmpty();
            var disclosure = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
            disclosure.Recipient.Should().Be(RecipientCategory.MonEspaceSante);
            disclosure.AuthorName.Should().Be("Exploitant Test");
            (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patient.Id && e.Target.StartsWith("export-fhir"))))
                .Should().BeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<(int? Code, string Error)> ExportByCommandAsync(string ecrou, string path)
    {
        var error = new StringWriter();
        var code = await Commands.RunAsync(app.Services,
            ["export-fhir", ecrou, "--unit", DemoData.UnitA, "--out", path, "--by", "Exploitant Test"], TextWriter.Null, error);
        return (code, error.ToString());
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "reference" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    foreach (var inner in References(property.Value))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in References(item))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}
