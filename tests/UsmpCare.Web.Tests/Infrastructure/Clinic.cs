using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>Intent helpers for clinical tests: demo patients, consultation forms, entries.</summary>
public static class Clinic
{
    /// <summary>Runs <paramref name="work"/> in a request of its own, signed in as the demo account (its real claims),
    /// with the app's services of that request, as a page runs.</summary>
    public static async Task AsAsync(this UsmpFactory app, DemoAccount account, Func<IServiceProvider, HttpContext, Task> work)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<User>>().FindByEmailAsync(account.Email);
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user!),
        };
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        await work(services, http);
    }

    public static Task<Guid> UnitIdAsync(this UsmpFactory app, string code) =>
        app.WithDbAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>A place of the unit's escort list (demo data), to post on the escort form.</summary>
    public static Task<Guid> PlaceIdAsync(this UsmpFactory app, string unitCode = DemoData.UnitA) =>
        app.WithDbAsync(db => db.EscortPlaces.Where(p => p.IsActive && db.Units.Any(u => u.Id == p.UnitId && u.Code == unitCode))
            .OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());

    /// <summary>A fresh patient of the given unit, so a test's entries never mix with another's.</summary>
    public static Task<Patient> NewPatientAsync(this UsmpFactory app, string lastName = "Testeur", string unitCode = DemoData.UnitA,
        int ageYears = 40) =>
        app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
            var patient = new Patient(unitId, Unique.Ecrou('T'), lastName, "Paul",
                TestClock.Today.AddYears(-ageYears), Sex.Male, TestClock.Today.AddDays(-10));
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient;
        });

    public static Dictionary<string, string> ConsultationForm(Guid patientId, string note = "Douleur thoracique atypique.",
        ConsentStatus consent = ConsentStatus.Given, ConsultationType type = ConsultationType.Consultation) => new()
    {
        ["Input.PatientId"] = patientId.ToString(),
        ["Input.Version"] = "0",
        ["Input.Type"] = type.ToString(),
        ["Input.OccurredAt"] = TestClock.Form(TimeSpan.Zero),
        ["Input.Consent"] = consent.ToString(),
        ["Input.GuardPresent"] = "false",
        ["Input.Note"] = note,
        ["Input.Findings"] = "Examen normal.",
    };

    public static async Task<HttpResponseMessage> PostConsultationAsync(this HttpClient client, string handler,
        Dictionary<string, string> form, Guid? draftId = null)
    {
        var page = draftId is null ? "/Records/Consultation" : $"/Records/Consultation/{draftId}";
        var getUrl = draftId is null ? $"{page}?patientId={form["Input.PatientId"]}" : page;
        return await client.PostFormAsync($"{page}?handler={handler}", form, getUrl);
    }

    public static Task<List<ClinicalEntry>> EntriesOfAsync(this UsmpFactory app, Guid patientId, Team team) =>
        app.WithDbAsync(db => db.Entries(team).AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync());

    public static Guid DraftIdFrom(HttpResponseMessage response) =>
        Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
}
