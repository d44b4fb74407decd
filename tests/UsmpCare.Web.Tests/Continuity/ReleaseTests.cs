using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Continuity;

/// <summary>P31, P34, P12–P15, P18: the coordinator's desk and the release pack.</summary>
public sealed class ReleaseTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_desk_lists_pre_release_visits_due_for_the_convicted_within_31_days_only()
    {
        var due = await PatientAsync("Dû", LegalStatus.Convicted, 20);
        var remand = await PatientAsync("Prévenu", LegalStatus.Remand, 20);
        var later = await PatientAsync("Tard", LegalStatus.Convicted, 40);
        var seen = await PatientAsync("Vu", LegalStatus.Convicted, 10);
        var injonction = await PatientAsync("Injonction", LegalStatus.Convicted, 15, CourtOrderedCare.InjonctionDeSoins);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        await coordinator.PostFormAsync($"/Continuity/Release/{seen.Id}?handler=Visit",
            new Dictionary<string, string> { ["VisitStatus"] = "Done" }, $"/Continuity/Release/{seen.Id}");

        var desk = await coordinator.GetDocumentAsync("/Continuity");

        var visits = desk.QuerySelector("table[aria-labelledby=visits]")!.TextContent;
        visits.Should().Contain(due.Ecrou).And.Contain(injonction.Ecrou);
        visits.Should().NotContain(remand.Ecrou).And.NotContain(later.Ecrou).And.NotContain(seen.Ecrou);
        desk.QuerySelector("table[aria-labelledby=releases]")!.TextContent.Should().Contain(later.Ecrou).And.Contain(remand.Ecrou);
        desk.Body!.TextContent.Should().Contain("INJONCTION Paul : manque médecin coordonnateur désigné par le juge et médecin traitant choisi");
    }

    [Fact]
    public async Task The_release_pack_is_one_pdf_with_phone_records_and_prescriptions_and_leaving_without_it_needs_a_reason()
    {
        var patient = await PatientAsync("Sortant", LegalStatus.Convicted, 5);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == patient.Id);
            p.SetContact("Dr Yves Morel, 3 place de la Mairie, Melun", p.SpokenLanguage, p.ReadsFrench);
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var consultation = Clinic.ConsultationForm(patient.Id);
        consultation["Input.Diagnoses[0]"] = "I10";
        consultation["Input.Prescriptions[0].Text"] = "Amlodipine 5 mg";
        consultation["Input.Prescriptions[0].Dosage"] = "1 cp le matin";
        consultation["Input.Prescriptions[0].Consented"] = "true";
        await coordinator.PostConsultationAsync("Sign", consultation);
        await app.WithDbAsync(async db =>
        {
            db.MedicalRecords.Single(r => r.PatientId == patient.Id).KeepPaperRecordAt("Armoire de l'infirmerie");
            return await db.SaveChangesAsync();
        });
        var url = $"/Continuity/Release/{patient.Id}";

        var noPack = await coordinator.PostFormAsync(url + "?handler=Release", new Dictionary<string, string>(), url);
        (await noPack.TextAsync()).Should().Contain("indiquez pourquoi le patient sort sans lui");

        (await coordinator.PostFormAsync(url + "?handler=Pack", new Dictionary<string, string> { ["FollowUp"] = "Contrôle tensionnel dans un mois" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var pack = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        using (var pdf = PdfDocument.Open(pack.Pdf))
        {
            pdf.NumberOfPages.Should().BeGreaterThanOrEqualTo(4, "four parts, each on its own page");
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            words.Should().Contain("Lettre de liaison").And.Contain("Hypertension essentielle").And.Contain("Amlodipine 5 mg")
                .And.Contain("Contrôle tensionnel dans un mois").And.Contain("Vos dossiers médicaux")
                .And.Contain("dossier somatique").And.Contain("sur papier").And.Contain("01 23 45 67 89")
                .And.Contain("Centre hospitalier de Villeneuve").And.Contain("8 jours");
        }

        var notAsked = await coordinator.PostFormAsync(url + "?handler=Send", new Dictionary<string, string>(), url);
        (await notAsked.TextAsync()).Should().Contain("qu'à la demande du patient");
        // P02: the patient agreed to exchanges with health professionals, then withdrew: his current word stops the send.
        await coordinator.RecordAsync(patient.Id, ConsentTopic.OutsideExchange, ConsentDecision.Agreed, OutsideCategory.Health);
        await coordinator.RecordAsync(patient.Id, ConsentTopic.OutsideExchange, ConsentDecision.Refused, OutsideCategory.Health);
        Task<int> ToPhysician() => app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id
            && d.Recipient == RecipientCategory.DesignatedPhysician));
        var withdrawn = await coordinator.PostFormAsync(url + "?handler=Send", new Dictionary<string, string> { ["PatientAsked"] = "true" }, url);
        (await withdrawn.TextAsync()).Should().Contain("l'a retiré").And.Contain("exception prévue par la loi");
        var unknown = await coordinator.PostFormAsync(url + "?handler=Send",
            new Dictionary<string, string> { ["PatientAsked"] = "true", ["Exception"] = "Urgence ressentie" }, url);
        (await unknown.TextAsync()).Should().ContainAny("valeur", "liste");
        (await ToPhysician()).Should().Be(0);
        (await coordinator.PostFormAsync(url + "?handler=Send", new Dictionary<string, string>
            {
                ["PatientAsked"] = "true", ["Exception"] = nameof(LegalException.CareTeamSharing),
            }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var sent = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id
            && d.Recipient == RecipientCategory.DesignatedPhysician));
        sent.Exception.Should().Be(LegalException.CareTeamSharing);
        sent.ConsentEntryId.Should().BeNull();
        (await coordinator.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent
            .Should().Contain("art. L.1110-4 CSP");
        (await coordinator.PostFormAsync(url + "?handler=Release", new Dictionary<string, string>(), url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var recipients = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == patient.Id).Select(d => d.Recipient).ToListAsync());
        recipients.Should().Contain(RecipientCategory.DesignatedPhysician).And.Contain(RecipientCategory.Patient);
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id))).Status.Should().Be(PatientStatus.Released);
    }

    private Task<Patient> PatientAsync(string name, LegalStatus status, int daysToRelease, CourtOrderedCare care = CourtOrderedCare.None) =>
        app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            var patient = new Patient(unitId, Unique.Ecrou('R'), name, "Paul", new DateOnly(1980, 5, 5), Sex.Male,
                new DateOnly(2026, 1, 1));
            patient.SetStay(patient.ArrivalDate, status, TestClock.Today.AddDays(daysToRelease));
            patient.SetCourtOrderedCare(care, care == CourtOrderedCare.None ? null : new DateOnly(2026, 1, 1));
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient;
        });
}
