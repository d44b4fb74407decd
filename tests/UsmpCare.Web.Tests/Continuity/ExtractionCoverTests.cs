using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Continuity;

/// <summary>P21: what travels with a patient to an extraction goes under a cover sheet the escort may read.</summary>
public sealed class ExtractionCoverTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private async Task<(Guid Patient, Guid Appointment, HttpClient Nurse)> AppointmentAsync(string name, Guid placeId)
    {
        var patient = await app.NewPatientAsync(name);
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.PostFormAsync("/Escorts", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["At"] = TestClock.Form(TimeSpan.FromDays(3)), ["PlaceId"] = placeId.ToString(),
            ["EscortLevel"] = "2", ["MedicalReason"] = "Consultation de cardiologie : échographie pour souffle cardiaque",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await app.WithDbAsync(db => db.ExternalAppointments.Where(a => a.PatientId == patient.Id).Select(a => a.Id).SingleAsync());
        return (patient.Id, id, nurse);
    }

    [Fact]
    public async Task The_cover_sheet_is_issued_through_the_register_and_carries_no_medical_word()
    {
        var (patientId, id, nurse) = await AppointmentAsync("Pli", await app.PlaceIdAsync());
        var url = $"/Escorts/Cover/{id}";

        // P02: the letters inside go to the hospital physician: agreement or a legal exception.
        (await (await nurse.PostFormAsync(url, new Dictionary<string, string>())).TextAsync()).Should().Contain("exception prévue par la loi");
        (await nurse.PostFormAsync(url, new Dictionary<string, string> { ["Exception"] = nameof(LegalException.CareTeamSharing) }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var cover = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patientId));
        cover.Kind.Should().Be(DocumentKind.ExtractionCover);
        (await app.WithDbAsync(db => db.ExternalAppointments.SingleAsync(a => a.Id == id))).CoverDocumentId.Should().Be(cover.Id);
        (await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patientId))).Exception
            .Should().Be(LegalException.CareTeamSharing);
        using var pdf = PdfDocument.Open(cover.Pdf);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.Should().Contain("PLI CONFIDENTIEL").And.Contain("SECRET MÉDICAL").And.Contain("Centre hospitalier de Villeneuve");
        words.Should().NotContainAny("cardiologie", "échographie", "souffle", "Consultation");
        MedicalTextCheck.Find(words, [], [], []).Should().BeEmpty("the escort reads the cover");
        MedicalTextCheck.PlaceNameProblems(words.Replace("SECRET MÉDICAL", "")).Should().BeEmpty("no specialty nor service either");
        (await nurse.GetAsync(url + "?handler=Pdf")).Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task A_place_whose_name_reveals_a_specialty_stops_the_cover_and_nothing_is_issued()
    {
        // A place named before names were checked, or changed in the database: the cover re-checks what the escort reads.
        var placeId = await app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            var place = new EscortPlace(unitId, PlaceKind.Hospital, $"CHU {Unique.Ecrou('P')}");
            db.EscortPlaces.Add(place);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE continuity.escort_places SET name = 'Hôpital Saint-Louis, service de cardiologie' WHERE id = {place.Id}");
            return place.Id;
        });
        var (patientId, id, nurse) = await AppointmentAsync("Lieu", placeId);

        var refused = await nurse.PostFormAsync($"/Escorts/Cover/{id}",
            new Dictionary<string, string> { ["Exception"] = nameof(LegalException.CareTeamSharing) });

        (await refused.TextAsync()).Should().Contain("révèle une spécialité ou un service");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patientId))).Should().Be(0);
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patientId))).Should().Be(0);
    }

    [Fact]
    public async Task The_escort_sheet_the_prison_administration_reads_carries_place_date_time_and_level_only()
    {
        var (_, _, _) = await AppointmentAsync("Escorté", await app.PlaceIdAsync());
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));

        var sheet = await ap.GetDocumentAsync("/Ap/Escorts");

        sheet.QuerySelectorAll("table.data thead th").Select(h => h.TextContent)
            .Should().Equal("Date et heure", "Personne", "Lieu", "Niveau d'escorte", "État");
        var text = sheet.QuerySelectorAll("table.data tbody tr").Single(r => r.TextContent.Contains("ESCORTÉ Paul")).TextContent;
        text.Should().Contain("Centre hospitalier de Villeneuve");
        text.Should().NotContainAny("cardiologie", "échographie", "souffle", "Consultation");
        MedicalTextCheck.Find(text, [], [], []).Should().BeEmpty();
    }
}
