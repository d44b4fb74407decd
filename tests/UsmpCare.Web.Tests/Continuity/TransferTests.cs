using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Continuity;

/// <summary>P13, P21: transfer packs, their cover sheet, the receiving unit's roster and acknowledgement.</summary>
public sealed class TransferTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_transfer_to_another_unit_puts_the_patient_in_its_roster_under_a_cover_sheet_with_no_medical_word()
    {
        var patient = await app.NewPatientAsync("Transféré");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var consultation = Clinic.ConsultationForm(patient.Id);
        consultation["Input.Diagnoses[0]"] = "J45.9";
        await coordinator.PostConsultationAsync("Sign", consultation);
        var unitB = await app.UnitIdAsync(DemoData.UnitB);
        var url = $"/Continuity/Transfer/{patient.Id}";

        // P02: no agreement to exchanges with health professionals and no exception chosen: nothing leaves.
        (await (await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["ToUnitId"] = unitB.ToString() })).TextAsync())
            .Should().Contain("exception prévue par la loi");
        (await app.WithDbAsync(db => db.TransferPacks.CountAsync(t => t.PatientId == patient.Id))).Should().Be(0);
        (await coordinator.PostFormAsync(url, new Dictionary<string, string>
            {
                ["ToUnitId"] = unitB.ToString(), ["Exception"] = nameof(UsmpCare.Domain.Disclosures.LegalException.CareTeamSharing),
            }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var copies = await app.WithDbAsync(db => db.Patients.Where(p => p.Ecrou == patient.Ecrou).ToListAsync());
        copies.Single(p => p.Id == patient.Id).Status.Should().Be(PatientStatus.Transferred);
        var arrived = copies.Single(p => p.UnitId == unitB);
        arrived.Status.Should().Be(PatientStatus.Present);

        var pack = await app.WithDbAsync(db => db.TransferPacks.SingleAsync(t => t.PatientId == patient.Id));
        var cover = Words(pack.Cover);
        cover.Should().Contain("PLI CONFIDENTIEL — SECRET MÉDICAL").And.Contain(patient.Ecrou);
        MedicalTextCheck.Find(cover, ["Asthme, sans précision"], ["J45.9"], []).Should().BeEmpty("the cover carries no medical word");
        Words(pack.Pack).Should().Contain("Asthme, sans précision").And.Contain("Dossier de transfert");
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id && d.Recipient == RecipientCategory.OtherUnit)))
            .Should().Be(1);

        var otherUnitPhysician = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));
        (await otherUnitPhysician.GetDocumentAsync("/Patients")).Body!.TextContent.Should().Contain(patient.Ecrou);
        (await otherUnitPhysician.GetAsync($"/Patients/Chart/{patient.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied", "the record stays with the sending unit");

        // With the patient's agreement, the receiving unit reads the original record, and only reads it.
        await coordinator.RecordAsync(patient.Id, Domain.Consents.ConsentTopic.TransferredRecordAccess, Domain.Consents.ConsentDecision.Agreed);
        var chart = (await otherUnitPhysician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;
        chart.Should().Contain("lecture seule").And.Contain("Douleur thoracique atypique").And.NotContain("Nouvelle consultation");
        var entryId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;
        (await otherUnitPhysician.GetDocumentAsync($"/Records/Entry/Somatic/{entryId}")).Body!.TextContent.Should().NotContain("Amender");
        (await otherUnitPhysician.GetAsync($"/Records/Consultation?patientId={patient.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");

        (await coordinator.GetDocumentAsync("/Continuity")).Body!.TextContent.Should().Contain("1 sans accusé de réception");
        (await coordinator.PostFormAsync($"/Continuity/Transfers?handler=Acknowledge&id={pack.Id}", new Dictionary<string, string>(),
            "/Continuity/Transfers")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.TransferPacks.SingleAsync(t => t.Id == pack.Id))).AcknowledgedByName.Should().Be("Dr Anne Dubois");
    }

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
