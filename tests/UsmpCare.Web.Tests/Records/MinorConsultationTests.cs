using System.Net;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

/// <summary>P36: a minor's consultation is signed only once a holder of parental authority agreed (or he objected, art. L.1111-5 CSP).</summary>
public sealed class MinorConsultationTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_minor_s_consultation_waits_for_the_holders_agreement_in_the_consent_registry()
    {
        var minor = await app.NewPatientAsync("Mineur", ageYears: 17);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(minor.Id);

        var refused = await (await physician.PostConsultationAsync("Sign", form)).TextAsync();
        refused.Should().Contain("autorité parentale").And.Contain("pas signé");
        var draft = (await app.EntriesOfAsync(minor.Id, Team.Somatic)).Single();
        draft.Status.Should().Be(EntryStatus.Draft);

        await app.WithDbAsync(async db =>
        {
            db.ConsentEntries.Add(new ConsentEntry(minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
                "Par téléphone", Guid.NewGuid(), "Dr Test", TimeProvider.System.GetUtcNow(), new ParentalHolder("Mme Mineur", HolderQuality.Mother, TestClock.Today)));
            await db.SaveChangesAsync();
            return 0;
        });
        form["Input.Version"] = draft.Version.ToString();
        (await physician.PostConsultationAsync("Sign", form, draft.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.EntriesOfAsync(minor.Id, Team.Somatic)).Single().Status.Should().Be(EntryStatus.Signed);
    }
}
