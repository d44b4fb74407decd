using System.Net;
using Npgsql;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>
/// No N+1 (issue « Scale and speed »): the number of SQL commands a core page sends must not grow with the data it
/// shows. Each page is requested, then the data behind it is multiplied, then it is requested again: the count must be
/// the same. The audit row is written with plain Npgsql and is not counted here (one per request, by construction).
/// </summary>
public sealed class SqlCountTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const int Growth = 30;

    [Fact]
    public async Task The_chart_sends_as_many_commands_for_a_heavy_patient_as_for_a_light_one()
    {
        var patient = await app.NewPatientAsync("Volumineux");
        await GrowAsync(patient, 2);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var light = await CountAsync(physician, $"/Patients/Chart/{patient.Id}");
        await GrowAsync(patient, Growth);
        var heavy = await CountAsync(physician, $"/Patients/Chart/{patient.Id}");

        heavy.Should().Be(light, "the chart of a patient with {0} more entries, documents and requests must not send more SQL", Growth);
        light.Should().BeInRange(1, 40, "a page that sends no SQL proves nothing, and one that sends dozens needs a look");
    }

    [Theory]
    [InlineData("/CareRequests")]
    [InlineData("/Dashboard")]
    [InlineData("/Patients?q=Volum")]
    [InlineData("/Patients")]
    [InlineData("/Reports/Arrivals")]
    public async Task A_list_page_sends_as_many_commands_whatever_the_number_of_rows(string url)
    {
        var seed = await app.NewPatientAsync("Volumique");
        await GrowAsync(seed, 2);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        var before = await CountAsync(coordinator, url);
        for (var i = 0; i < 5; i++)
        {
            await GrowAsync(await app.NewPatientAsync("Volumique"), Growth / 5);
        }
        var after = await CountAsync(coordinator, url);

        after.Should().Be(before, "{0} must not send one query per row", url);
        before.Should().BeGreaterThan(0);
    }

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        using var counter = new SqlCommandCounter(database);
        // Warm once: the first request of a page compiles its queries and may load reference data.
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        counter.Reset();
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        return counter.Commands.Count;
    }

    /// <summary>Adds signed consultations and nursing notes in both records, care requests, documents and escorts.</summary>
    private Task GrowAsync(Patient patient, int count) => app.WithDbAsync(async db =>
    {
        var author = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        if (!db.MedicalRecords.Any(r => r.PatientId == patient.Id))
        {
            db.MedicalRecords.Add(new MedicalRecord(patient.Id, Team.Somatic, now));
            db.MedicalRecords.Add(new MedicalRecord(patient.Id, Team.Psychiatric, now));
        }
        var round = new CollectionRound(patient.UnitId, "Bâtiment volumineux", null, now.AddDays(-3), author, "IDE Test", now.AddDays(-3));
        db.Add(round);
        for (var i = 0; i < count; i++)
        {
            foreach (var (team, kind) in new[] { (Team.Somatic, EntryKind.Consultation), (Team.Somatic, EntryKind.NursingNote), (Team.Psychiatric, EntryKind.Consultation) })
            {
                var entry = ClinicalEntry.New(team, kind, patient.Id, patient.UnitId, author, "Dr Test", now.AddHours(-i - 1));
                entry.ConsultationType = kind == EntryKind.Consultation ? ConsultationType.FollowUp : null;
                entry.Consent = ConsentStatus.Given;
                entry.Note = $"Note {i}.";
                if (kind == EntryKind.Consultation && Cim10.Find("I10") is { } code)
                {
                    entry.Diagnoses = [new Diagnosis(code.Code, code.Label)];
                }
                entry.Sign(author, "Dr Test", now.AddHours(-i - 1), signerHasTreatedPatient: false, MinorCare.Adult);
                db.Add(entry);
            }
            db.Add(new CareRequest(round, patient.Id, null, i % 2 == 0 ? RequestTeam.Somatic : RequestTeam.Psychiatric, $"Demande {i}",
                Urgency.NotUrgent, false, false, false, author, "IDE Test", now.AddDays(-3)));
            db.Add(new IssuedDocument("V-" + Guid.NewGuid().ToString("N")[..12], patient.Id, patient.UnitId, DocumentKind.FollowUpAttestation,
                "Attestation de suivi", RecipientCategory.Patient, "Le patient", "Texte.", "%PDF-1.4"u8.ToArray(), author, "Dr Test", null,
                now.AddHours(-i), null, null, true, null, Guid.NewGuid()));
            var place = new EscortPlace(patient.UnitId, PlaceKind.Hospital, "CHU " + Guid.NewGuid().ToString("N")[..8]);
            db.Add(place);
            db.Add(new ExternalAppointment(patient.Id, patient.UnitId, now.AddDays(i + 1), place, 2, "Bilan", author, "Dr Test", now));
        }
        return await db.SaveChangesAsync();
    });
}
