using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>
/// Issue #20 point 7, the fourth journey's last step: the release pack's « Traitements en cours » and its ordonnance are
/// the signed prescriptions' active lines (stupéfiants in letters), not only the old free-text lines of consultations;
/// the transfer pack too (P13).
/// </summary>
public sealed class ReleaseTreatmentTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_release_pack_carries_the_signed_prescriptions_current_treatment()
    {
        var patient = await app.NewPatientAsync("Sortant");
        await SignMethadoneAndPillBoxAsync(patient);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var url = $"/Continuity/Release/{patient.Id}";

        (await coordinator.PostFormAsync(url + "?handler=Pack", new Dictionary<string, string>(), url)).StatusCode
            .Should().Be(HttpStatusCode.Redirect);

        var pack = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.PatientId == patient.Id));
        using var pdf = PdfDocument.Open(pack.Pdf);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.Should().NotContain("Aucun traitement en cours").And.Contain("METHADONE AP-HP 40 mg").And.Contain("(quatorze)")
            .And.Contain("AMLODIPINE DEMO 5 mg").And.Contain("pilulier hebdomadaire");
    }

    [Fact]
    public async Task The_transfer_pack_carries_the_signed_prescriptions_current_treatment()
    {
        var patient = await app.NewPatientAsync("Transféré");
        await SignMethadoneAndPillBoxAsync(patient);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var url = $"/Continuity/Transfer/{patient.Id}";

        (await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["ToUnitId"] = (await app.UnitIdAsync(DemoData.UnitB)).ToString(), ["Exception"] = "CareTeamSharing",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var pack = await app.WithDbAsync(db => db.TransferPacks.AsNoTracking().SingleAsync(t => t.PatientId == patient.Id));
        var words = Words(pack.Pack);
        words.Should().Contain("Dossier de transfert").And.NotContain("Aucun traitement en cours").And.Contain("METHADONE AP-HP 40 mg")
            .And.Contain("(quatorze)").And.Contain("AMLODIPINE DEMO 5 mg");
    }

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>A prescription signed by the demo physician: supervised methadone (a stupéfiant) and a pill-box line.</summary>
    private Task<int> SignMethadoneAndPillBoxAsync(Patient patient) =>
        app.WithDbAsync(async db =>
        {
            var physician = await db.Users.SingleAsync(u => u.Email == DemoData.Account(Role.Physician).Email);
            var today = Fr.Today(app.Services.GetRequiredService<TimeProvider>());
            var prescription = Prescription.Draft(patient.Id, patient.UnitId, Team.Somatic,
                new Prescriber(physician.Id, "Dr " + physician.DisplayName, physician.Rpps), DateTimeOffset.UtcNow);
            foreach (var (cis, unit, mode) in new[] { ("99000012", "gélule(s)", DistributionMode.Supervised), ("99000046", "gélule(s)", DistributionMode.WeeklyPillBox) })
            {
                var drug = await db.Drugs.SingleAsync(d => d.Cis == cis);
                prescription.AddLine(PrescriptionLine.Create(new LineRequest(cis, null, 1, unit, DoseTimes.Morning, null, false, null,
                    today, 14, null, mode, null), drug, DistributionMode.Daily), [], new AllergyRecord());
            }
            prescription.Sign(DateTimeOffset.UtcNow, false);
            db.Prescriptions.Add(prescription);
            return await db.SaveChangesAsync();
        });
}
