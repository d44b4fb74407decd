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
/// the signed prescriptions' active lines (stupéfiants in letters), not only the old free-text lines of consultations.
/// </summary>
public sealed class ReleaseTreatmentTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_release_pack_carries_the_signed_prescriptions_current_treatment()
    {
        var patient = await app.NewPatientAsync("Sortant");
        await app.WithDbAsync(async db =>
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
}
