using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Interop;
using UsmpCare.Web.Tests.Infrastructure;
using UsmpCare.Web.Treatments;
using DomainPatient = UsmpCare.Domain.Patients.Patient;
using Task = System.Threading.Tasks.Task;
using TreatmentLine = UsmpCare.Domain.Treatments.PrescriptionLine;

namespace UsmpCare.Web.Tests.Interop;

/// <summary>P20, P30, P02: the FHIR R4 summary, its consent gate, and its entry in the disclosure ledger.</summary>
public sealed class FhirExportTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_summary_parses_back_as_a_valid_ips_document_whose_every_reference_resolves_inside_it()
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
        await SeedFollowupAsync(patient, Team.Somatic);
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
        var bundle = FhirValidation.AssertValid(json);
        bundle.Type.Should().Be(Bundle.BundleType.Document);
        bundle.Meta!.Profile.Should().Contain(FhirIps.BundleProfile);
        var composition = bundle.Entry[0].Resource.Should().BeOfType<Composition>("a document bundle starts with its Composition").Subject;
        composition.Attester.Should().ContainSingle(a => a.Mode == Composition.CompositionAttestationMode.Legal);
        composition.Section.Select(s => s.Code!.Coding[0].Code).Should().StartWith(
            [FhirIps.ProblemsSection, FhirIps.AllergiesSection, FhirIps.MedicationsSection, FhirIps.ImmunizationsSection, FhirIps.ResultsSection]);
        composition.Section.Single(s => s.Code!.Coding[0].Code == FhirIps.ResultsSection).Text!.Div
            .Should().Contain("Bilan sanguin").And.Contain("1,32 g/L");
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        resources.OfType<Hl7.Fhir.Model.Patient>().Single().Name[0].Family.Should().Be("Fhir");

        // Issue #21: the problem list, coded in CIM-10, with onset and verification status; a consultation's diagnosis too.
        var problem = resources.OfType<Condition>().Single(c => c.Code!.Coding[0].Code == "E11.9");
        problem.Code!.Coding[0].System.Should().Be(FhirSummary.Icd10);
        problem.Category[0].Coding[0].Code.Should().Be("problem-list-item");
        problem.Onset.Should().BeOfType<FhirDateTime>().Which.Value.Should().Be(TestClock.Today.AddYears(-3).ToString("yyyy-MM-dd"));
        problem.VerificationStatus!.Coding[0].Code.Should().Be("confirmed");
        problem.ClinicalStatus!.Coding[0].Code.Should().Be("active");
        resources.OfType<Condition>().Should().Contain(c => c.Code!.Coding[0].System == FhirSummary.Icd10 && c.Code.Coding[0].Code == "I10");

        // Issue #20: the signed prescription coded with the ANSM's CIS code, the current treatment based on it.
        var requests = resources.OfType<MedicationRequest>().ToList();
        var coded = requests.Single(r => ((CodeableConcept)r.Medication).Coding.Count > 0);
        ((CodeableConcept)coded.Medication).Coding.Single().Should().BeEquivalentTo(new { System = FhirClinical.AnsmCis, Code = Paracetamol.Cis });
        coded.Status.Should().Be(MedicationRequest.MedicationrequestStatus.Active);
        coded.DosageInstruction.Single().Text.Should().Contain("le matin et le soir");
        requests.Should().Contain(r => ((CodeableConcept)r.Medication).Text == "Amlodipine 5 mg", "a consultation's free-text line stays text");
        var statement = resources.OfType<MedicationStatement>().Single();
        statement.Status.Should().Be(MedicationStatement.MedicationStatusCodes.Active);
        ((CodeableConcept)statement.Medication).Coding.Single().Code.Should().Be(Paracetamol.Cis);
        statement.BasedOn.Single().Reference.Should().Be(bundle.Entry.Single(e => e.Resource == coded).FullUrl);

        // Issue #21: the vaccination (ATC) and the results, a value in UCUM with its range, a serology as a reading.
        var immunization = resources.OfType<Immunization>().Single();
        immunization.VaccineCode.Coding.Single().Should().BeEquivalentTo(new { System = FhirClinical.Atc, Code = "J07BC01" });
        immunization.LotNumber.Should().Be("HB-2026-114");
        immunization.ProtocolApplied.Single().DoseNumber.Should().BeEquivalentTo(new PositiveInt(2));
        var glucose = resources.OfType<Observation>().Single(o => o.Value is Quantity);
        glucose.Value.Should().BeEquivalentTo(new { Value = 1.32m, Unit = "g/L", System = FhirClinical.Ucum, Code = "g/L" }, o => o.ExcludingMissingMembers());
        glucose.ReferenceRange.Single().Text.Should().Be("0,70 – 1,10");
        var hiv = resources.OfType<Observation>().Single(o => o.Value is CodeableConcept);
        ((CodeableConcept)hiv.Value!).Coding.Single().Code.Should().Be("260385009", "negative, in SNOMED CT");

        // Issue #20: coded where the referential codes it; an allergy entered in error does not leave.
        var allergies = resources.OfType<AllergyIntolerance>().ToList();
        allergies.Should().HaveCount(2);
        var drug = allergies.Single(a => a.Category.Contains(AllergyIntolerance.AllergyIntoleranceCategory.Medication));
        drug.Code!.Coding.Should().ContainSingle(c => c.System == FhirClinical.AnsmSubstance && c.Code == amoxicillin.Code);
        drug.Type.Should().Be(AllergyIntolerance.AllergyIntoleranceType.Allergy);
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
    public async Task Two_exports_of_the_same_record_give_every_resource_the_same_id()
    {
        var patient = await app.NewPatientAsync("MemesIds");
        await app.WithDbAsync(async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient.Id)).Allergies
                .Record(AllergenKind.Food, "Arachide", null, null, AllergySeverity.Moderate, "Dr Test", At);
            return await db.SaveChangesAsync();
        });
        await SeedFollowupAsync(patient, Team.Somatic);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        var url = $"/Patients/MonEspaceSante/{patient.Id}";
        async Task<List<(string Type, string Url)>> ExportAsync()
        {
            var bundle = FhirValidation.AssertValid(await (await physician.PostFormAsync(url, [], url)).Content.ReadAsStringAsync());
            bundle.Entry.Should().OnlyContain(e => e.FullUrl == "urn:uuid:" + e.Resource!.Id, "the id is the fullUrl's uuid");
            return [.. bundle.Entry.Select(e => (e.Resource!.TypeName, e.FullUrl!))];
        }

        var first = await ExportAsync();
        var second = await ExportAsync();

        first.Should().HaveCountGreaterThan(10).And.Equal(second, "a receiver reconciles two summaries by their resources' ids");
        first.Select(e => e.Url).Should().NotContain(FhirIds.Urn(patient.Id), "our own database ids do not leave");
        var other = await app.NewPatientAsync("AutresIds");
        FhirIds.Of("Patient", other.Id).Should().NotBe(FhirIds.Of("Patient", patient.Id));
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
            var bundle = FhirValidation.AssertValid(json);
            return bundle.Entry.Select(e => e.Resource).OfType<AllergyIntolerance>().Single().Code!.Coding.Single();
        }

        var unknown = await ExportedAllergyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient.Id)).Allergies.StateNoneKnown("Dr Test", At);
            return await db.SaveChangesAsync();
        });
        var none = await ExportedAllergyAsync();

        unknown.Should().BeEquivalentTo(new { System = FhirClinical.IpsAbsentUnknown, Code = "no-allergy-info" });
        none.Should().BeEquivalentTo(new { System = FhirClinical.IpsAbsentUnknown, Code = "no-known-allergies" });
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
        await SeedFollowupAsync(patient, Team.Psychiatric, "F20.0");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var somatic = Clinic.ConsultationForm(patient.Id);
        somatic["Input.Diagnoses[0]"] = "I10";
        await physician.PostConsultationAsync("Sign", somatic);
        await physician.RecordAsync(patient.Id, ConsentTopic.MonEspaceSante, ConsentDecision.Agreed);
        var url = $"/Patients/MonEspaceSante/{patient.Id}";

        var withheld = await (await physician.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        withheld.Should().Contain("\"I10\"").And.NotContain("F10.1").And.NotContain("Psychiatrie")
            .And.Contain("withheld", "the sections say something was left out");
        // P30: the psychiatric team's problem list, prescription, vaccination and results stay with it too.
        withheld.Should().NotContain("F20.0").And.NotContain(Paracetamol.Cis).And.NotContain("HB-2026-114").And.NotContain("Bilan sanguin");
        FhirValidation.AssertValid(withheld);

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);
        var shared = await (await physician.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        shared.Should().Contain("F10.1").And.Contain("Psychiatrie")
            .And.Contain("F20.0").And.Contain(Paracetamol.Cis).And.Contain("HB-2026-114").And.Contain("Bilan sanguin");
        FhirValidation.AssertValid(shared);

        var ledger = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == patient.Id).OrderBy(d => d.At).ToListAsync());
        ledger.Select(d => d.What).Should().SatisfyRespectively(
            first => first.Should().Contain("sans le suivi psychiatrique"),
            second => second.Should().Contain("suivi psychiatrique inclus"));

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Refused);
        var psychiatristsOwn = await (await psychiatrist.PostFormAsync(url, [], url)).Content.ReadAsStringAsync();
        psychiatristsOwn.Should().NotContain("F10.1", "sharing withdrawn: the psychiatric record stays with its team, whoever exports")
            .And.NotContain("\"I10\"", "nor may the psychiatrist send the somatic record he cannot read")
            .And.NotContain("F20.0");
        FhirValidation.AssertValid(psychiatristsOwn);
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
        FhirValidation.AssertValid(await response.Content.ReadAsStringAsync()).Type.Should().Be(Bundle.BundleType.Document);
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
            FhirValidation.AssertValid(await File.ReadAllTextAsync(path)).Entry.Should().NotBeEmpty();
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

    /// <summary>A real BDPM product (DOLIPRANE 1000 mg, comprimé, CIS 60234100), outside the demo referential's 99 codes.</summary>
    private static readonly Drug Paracetamol = RealProduct();

    private static Drug RealProduct()
    {
        var drug = new Drug("60234100");
        drug.Update("DOLIPRANE 1000 mg, comprimé", "comprimé", "orale", "Autorisation active", "Commercialisée",
            [new DrugSubstance("02202", "PARACÉTAMOL", "1000 mg", "un comprimé", "SA")], [], "doliprane 1000 mg paracetamol");
        return drug;
    }

    /// <summary>
    /// In <paramref name="team"/>'s record: a signed prescription of a real product, a problem, a vaccination, a blood
    /// result with its unit and range and a negative HIV serology.
    /// </summary>
    private Task SeedFollowupAsync(DomainPatient patient, Team team, string problemCode = "E11.9") => app.WithDbAsync(async db =>
    {
        var today = TestClock.Today;
        var now = DateTimeOffset.UtcNow;
        var by = Guid.NewGuid();
        var allergies = (await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id)).Allergies;
        var prescription = Prescription.Draft(patient.Id, patient.UnitId, team, new Prescriber(by, "Dr Test", "10001234567"), now);
        prescription.AddLine(TreatmentLine.Create(new LineRequest(Paracetamol.Cis, null, 1, "comprimé(s)",
            DoseTimes.Morning | DoseTimes.Evening, null, false, null, today.AddDays(-2), 30, null, DistributionMode.Daily, null),
            Paracetamol, DistributionMode.Daily), [], allergies);
        prescription.Sign(now, replacedAlreadySuperseded: false);
        db.Prescriptions.Add(prescription);
        db.Problems.Add(new Problem(patient.Id, patient.UnitId, team, new Cim10Code(problemCode, "Problème de test"),
            today.AddYears(-3), null, by, "Dr Test", now, today));
        db.Vaccinations.Add(new Vaccination(patient.Id, patient.UnitId, team, Vaccine.HepatitisB, 2, "HB-2026-114", today.AddDays(-5),
            InjectionSite.LeftDeltoid, patient.BirthDate, by, "IDE Test", now, today));
        var glucose = new TestOrder(patient.Id, patient.UnitId, team, Exam.BloodPanel, null, today.AddDays(-7), by, "Dr Test", now);
        glucose.EnterResult(new ResultValues(1.32m, "g/L", "0,70 – 1,10", null, "Glycémie à jeun"), today.AddDays(-6), today, by, "Labo", now);
        var hiv = new TestOrder(patient.Id, patient.UnitId, team, Exam.HivSerology, null, today.AddDays(-7), by, "Dr Test", now);
        hiv.EnterResult(new ResultValues(null, null, null, QualitativeResult.Negative, null), today.AddDays(-6), today, by, "Labo", now);
        db.TestOrders.AddRange(glucose, hiv);
        return await db.SaveChangesAsync();
    });

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
