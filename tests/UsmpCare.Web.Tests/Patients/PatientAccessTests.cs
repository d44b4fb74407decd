using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Patients;

/// <summary>
/// The one service that opens a patient, called as a page calls it (the demo user's own claims, a request of its own):
/// another unit, the other team's record without sharing (P30), break-the-glass read-only (ONC (d)(6)).
/// </summary>
public sealed class PatientAccessTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_patient_of_another_unit_is_refused_and_an_unknown_one_is_not_found_but_filed_under_its_id()
    {
        var elsewhere = await app.NewPatientAsync("Ailleurs", DemoData.UnitB);
        var unknown = Guid.NewGuid();
        await AsAsync(DemoData.Nurse(Team.Somatic), async (access, http) =>
        {
            (await access.OpenAsync(elsewhere.Id, PatientNeed.ViewChart)).Refusal.Should().BeOfType<ForbidResult>();
            (await access.OpenAsync(elsewhere.Id, PatientNeed.ReadRecord, Team.Somatic)).Refusal.Should().BeOfType<ForbidResult>();
            (await access.OpenAsync(elsewhere.Id, PatientNeed.WriteRecord)).Refusal.Should().BeOfType<ForbidResult>();

            (await access.OpenAsync(unknown, PatientNeed.ViewChart)).Refusal.Should().BeOfType<NotFoundResult>();
            http.Features.Get<PatientOfRequest>().Should().Be(new PatientOfRequest(unknown, null, false));
        });
    }

    [Fact]
    public async Task The_other_teams_record_opens_only_with_sharing_and_is_never_written()
    {
        var patient = await app.NewPatientAsync("Partage");
        await AsAsync(DemoData.Nurse(Team.Somatic), async (access, http) =>
        {
            (await access.OpenAsync(patient.Id, PatientNeed.ReadRecord, Team.Psychiatric)).Refusal.Should().BeOfType<ForbidResult>();
            var own = (await access.OpenAsync(patient.Id, PatientNeed.WriteRecord)).Opened!;
            own.ReadableTeams.Should().Equal(Team.Somatic);
            own.WritableTeams.Should().Equal(Team.Somatic);
            http.Features.Get<PatientOfRequest>().Should().Be(new PatientOfRequest(patient.Id, patient.UnitId, false));
        });

        await app.WithDbAsync(async db =>
        {
            var coordinator = await db.Users.SingleAsync(u => u.Email == DemoData.Account(Role.Coordinator).Email);
            db.ConsentEntries.Add(new ConsentEntry(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed, null, null,
                "Oralement, en consultation", coordinator.Id, coordinator.DisplayName, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await AsAsync(DemoData.Nurse(Team.Somatic), async (access, _) =>
        {
            var shared = (await access.OpenAsync(patient.Id, PatientNeed.ReadRecord, Team.Psychiatric)).Opened!;
            shared.ReadableTeams.Should().BeEquivalentTo([Team.Somatic, Team.Psychiatric]);
            shared.WritableTeams.Should().Equal(Team.Somatic);
            (await access.OpenAsync(patient.Id, PatientNeed.WriteRecord, Team.Psychiatric)).Refusal.Should().BeOfType<ForbidResult>();
        });
    }

    [Fact]
    public async Task Break_the_glass_opens_both_records_of_another_units_patient_read_only_and_flags_the_request()
    {
        var patient = await app.NewPatientAsync("Urgence", DemoData.UnitB);
        var psychiatrist = DemoData.Account(Role.Psychiatrist); // unit A only
        await AsAsync(psychiatrist, async (access, _) =>
            (await access.OpenAsync(patient.Id, PatientNeed.ReadChart)).Refusal.Should().BeOfType<ForbidResult>());

        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == psychiatrist.Email);
            var now = DateTimeOffset.UtcNow;
            db.BreakGlassGrants.Add(new BreakGlassGrant
            {
                Id = Guid.NewGuid(), UserId = user.Id, UserName = user.DisplayName, PatientId = patient.Id,
                PatientUnitId = patient.UnitId, Reason = "Malaise grave en extraction", GrantedAt = now, ExpiresAt = now.AddHours(1),
            });
            return await db.SaveChangesAsync();
        });
        await AsAsync(psychiatrist, async (access, http) =>
        {
            var opened = (await access.OpenAsync(patient.Id, PatientNeed.ReadChart)).Opened!;
            opened.Emergency.Should().NotBeNull();
            opened.ReadableTeams.Should().BeEquivalentTo([Team.Somatic, Team.Psychiatric]);
            opened.ReadOnly.Should().BeTrue();
            opened.WritableTeams.Should().BeEmpty();
            http.Features.Get<PatientOfRequest>().Should().Be(new PatientOfRequest(patient.Id, patient.UnitId, Emergency: true));

            var entry = (await access.OpenAsync(patient.Id, PatientNeed.ReadRecord, Team.Somatic)).Opened!;
            entry.Emergency.Should().NotBeNull("the grant is what opens another unit's record");
            entry.ReadOnly.Should().BeTrue();
            (await access.OpenAsync(patient.Id, PatientNeed.WriteRecord)).Refusal.Should().BeOfType<ForbidResult>();
            (await access.OpenAsync(patient.Id, PatientNeed.ViewChart)).Refusal.Should().BeOfType<ForbidResult>(
                "a grant opens the chart and the records, not every page of the patient");
        });
    }

    private Task AsAsync(DemoAccount account, Func<PatientAccess, HttpContext, Task> work) =>
        app.AsAsync(account, (services, http) => work(services.GetRequiredService<PatientAccess>(), http));
}
