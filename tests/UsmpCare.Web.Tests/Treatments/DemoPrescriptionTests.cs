using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>Issue #20: the demo shows a methadone TSO taken in front of the nurse and a pill-box treatment.</summary>
public sealed class DemoPrescriptionTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_demo_has_a_supervised_methadone_ending_this_week_and_a_pill_box_treatment()
    {
        var signed = await app.WithDbAsync(db => db.Prescriptions.AsNoTracking()
            .Where(p => p.Status == PrescriptionStatus.Signed).ToListAsync());
        var today = Fr.Today(app.Services.GetRequiredService<TimeProvider>());

        var active = ActiveTreatment.Of(signed, today);

        active.Should().Contain(a => a.Line.Cis == "99000012" && a.Line.Mode == DistributionMode.Supervised && a.Line.Narcotic && a.EndsSoon);
        active.Should().Contain(a => a.Line.Mode == DistributionMode.WeeklyPillBox && !a.EndsSoon);
    }
}
