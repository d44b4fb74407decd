using System.Net;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task The_holder_is_recorded_on_the_consent_page_a_nameless_holder_is_refused_and_then_the_minor_s_consultation_signs()
    {
        var minor = await app.NewPatientAsync("Mineure", ageYears: 15);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Patients/Consents/{minor.Id}";
        (await (await physician.GetAsync(url)).TextAsync()).Should().Contain("Titulaire de l'autorité parentale");
        var fields = new Dictionary<string, string>
        {
            ["Topic"] = nameof(ConsentTopic.ParentalAuthority), ["Decision"] = nameof(ConsentDecision.Agreed),
            ["Expression"] = "Par téléphone", ["HolderQuality"] = nameof(HolderQuality.Mother), ["HolderReachedOn"] = TestClock.Today.ToString("yyyy-MM-dd"),
        };

        var nameless = await physician.PostFormAsync(url, fields);
        nameless.StatusCode.Should().Be(HttpStatusCode.OK);
        (await nameless.TextAsync()).Should().Contain("Indiquez le nom du titulaire de l'autorité parentale.");
        (await app.WithDbAsync(db => db.ConsentEntries.CountAsync(e => e.PatientId == minor.Id))).Should().Be(0);

        fields["HolderName"] = "Mme Mineure";
        (await physician.PostFormAsync(url, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await (await physician.GetAsync(url)).TextAsync()).Should().Contain("Mme Mineure (mère");
        (await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(minor.Id))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.EntriesOfAsync(minor.Id, Team.Somatic)).Single().Status.Should().Be(EntryStatus.Signed);
    }
}
