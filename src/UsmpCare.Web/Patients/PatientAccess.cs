using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Patients;

/// <summary>What a page is about to do with a patient: it decides which check opens him.</summary>
public enum PatientNeed
{
    /// <summary>A page of his chart, in his unit (ViewPatientChart).</summary>
    ViewChart,

    /// <summary>The chart itself: also from the receiving unit after a transfer (P13) or under an emergency grant
    /// (ONC (d)(6)), read-only then.</summary>
    ReadChart,

    /// <summary>One team's record: in his unit or from the receiving unit (P13), the other team's only with sharing
    /// (P30), else under an emergency grant.</summary>
    ReadRecord,

    /// <summary>Writing in one team's record: the user's own team, in the patient's unit (P30).</summary>
    WriteRecord,

    /// <summary>His administrative identity (ManagePatientIdentity).</summary>
    ManageIdentity,
}

/// <summary>The patient a request is about, once a page opened him: what the audit filter files the request under.</summary>
public sealed record PatientOfRequest(Guid PatientId, Guid? UnitId, bool Emergency);

/// <summary>A patient the user may see, with what he may do in each record, decided once by <see cref="PatientAccess"/>.</summary>
public sealed class OpenedPatient(Patient patient, ConsentState consents, Guid? transferUnit, BreakGlassGrant? emergency,
    bool readOnly, IReadOnlyList<Team> readable, IReadOnlyList<Team> writable, Func<Task<PatientBanner>> banner)
{
    private Task<PatientBanner>? _banner;

    public Patient Patient => patient;

    /// <summary>His consents, read once: the banner, the sharing between teams (P30) and the transfer read (P13) use them.</summary>
    public ConsentState Consents => consents;

    /// <summary>The receiving unit through which the user reads a transferred patient's record (P13), read-only.</summary>
    public Guid? TransferUnit => transferUnit;

    /// <summary>The live emergency grant the page is opened under, if any.</summary>
    public BreakGlassGrant? Emergency => emergency;

    /// <summary>Opened through a transfer (P13) or an emergency grant from outside his unit: nothing is written.</summary>
    public bool ReadOnly => readOnly;

    /// <summary>The teams whose record the user may read (P30; both under an emergency grant).</summary>
    public IReadOnlyList<Team> ReadableTeams => readable;

    /// <summary>The teams whose record the user may write in: none from another unit, a transfer or an emergency.</summary>
    public IReadOnlyList<Team> WritableTeams => writable;

    public bool CanRead(Team team) => readable.Contains(team);

    public bool CanWrite(Team team) => writable.Contains(team);

    /// <summary>The identity banner, loaded on the first ask.</summary>
    public Task<PatientBanner> BannerAsync() => _banner ??= banner();
}

/// <summary>Either the opened patient (with the entry or care request it was opened through) or the 404/403 to return.</summary>
public sealed record PatientOpening(OpenedPatient? Opened, IActionResult? Refusal)
{
    public ClinicalEntry? Entry { get; init; }
    public CareRequest? CareRequest { get; init; }
}

/// <summary>
/// The one place that opens a patient: loads him, decides unit, team (P30), transfer (P13) and break-the-glass
/// (ONC (d)(6)) access once, reads his consents once, and files the request under him for the audit trail (P16).
/// Every page about a patient goes through it (through <see cref="Pages.PatientPageModel"/> for those with a banner).
/// </summary>
public sealed class PatientAccess(AppDbContext db, IAuthorizationService authorization, IHttpContextAccessor http,
    TimeProvider clock)
{
    private static readonly PatientOpening NotFound = new(null, new NotFoundResult());
    private static readonly PatientOpening Forbidden = new(null, new ForbidResult());

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("A patient is opened within a request.");
    private ClaimsPrincipal User => Http.User;

    /// <param name="team">The record a <see cref="PatientNeed.ReadRecord"/> or <see cref="PatientNeed.WriteRecord"/>
    /// is about; the user's own team when omitted.</param>
    public async Task<PatientOpening> OpenAsync(Guid? patientId, PatientNeed need, Team? team = null)
    {
        var patient = patientId is null ? null : await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId);
        if (patient is null)
        {
            // P16: a request for an unknown patient is still filed under the id it named.
            if (patientId is { } unknown)
            {
                Http.Features.Set(new PatientOfRequest(unknown, null, false));
            }
            return NotFound;
        }
        return await OpenAsync(patient, need, team ?? User.TeamOf());
    }

    /// <summary>An entry of one team's record and its patient; a missing entry is a 404.</summary>
    public async Task<PatientOpening> OpenEntryAsync(Team team, Guid entryId, PatientNeed need)
    {
        var entry = await db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId);
        if (entry is null)
        {
            return NotFound;
        }
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == entry.PatientId);
        return await OpenAsync(patient, need, team) with { Entry = entry };
    }

    /// <summary>
    /// A care request and its patient, if the slip is reconciled. P30: a psychiatric request is read by the psychiatric
    /// team only, and every request only in its unit, whatever the patient's sharing.
    /// </summary>
    public async Task<PatientOpening> OpenCareRequestAsync(Guid requestId)
    {
        var request = await db.CareRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return NotFound;
        }
        if (!await MayAsync(new RecordScope(request.UnitId, request.RecordTeam, SharingAgreed: false), ScopeRequirements.ReadRecord))
        {
            return Forbidden;
        }
        if (request.PatientId is null)
        {
            return new PatientOpening(null, null) { CareRequest = request };
        }
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == request.PatientId);
        Http.Features.Set(new PatientOfRequest(patient.Id, patient.UnitId, false));
        var opened = await OpenedAsync(patient, await RecordScopes.ConsentsAsync(db, patient.Id), transferUnit: null, emergency: null);
        return new PatientOpening(opened, null) { CareRequest = request };
    }

    private async Task<PatientOpening> OpenAsync(Patient patient, PatientNeed need, Team? team)
    {
        Http.Features.Set(new PatientOfRequest(patient.Id, patient.UnitId, false));
        var consents = await RecordScopes.ConsentsAsync(db, patient.Id);
        Guid? transferUnit = null;
        BreakGlassGrant? emergency = null;
        var refused = false;
        switch (need)
        {
            case PatientNeed.ViewChart:
                refused = !await MayAsync(patient, ScopeRequirements.ViewChart);
                break;
            case PatientNeed.ManageIdentity:
                refused = !await MayAsync(patient, ScopeRequirements.ManageIdentity);
                break;
            case PatientNeed.ReadChart:
                var inUnit = await MayAsync(patient, ScopeRequirements.ViewChart);
                transferUnit = inUnit ? null : await TransferAccess.ReadingUnitAsync(db, User, patient, consents);
                emergency = await GrantAsync(patient);
                refused = !inUnit && emergency is null && (transferUnit is null || !User.Can(Permission.ViewPatientChart));
                break;
            case PatientNeed.ReadRecord:
                transferUnit = User.UnitIds().Contains(patient.UnitId) ? null : await TransferAccess.ReadingUnitAsync(db, User, patient, consents);
                break;
        }
        if (refused)
        {
            return Forbidden;
        }
        var opened = await OpenedAsync(patient, consents, transferUnit, emergency);
        if (need == PatientNeed.ReadRecord && !(team is { } read && opened.CanRead(read)))
        {
            // The grant is looked for, and the read flagged, only where it is what opens the record.
            emergency = team is null ? null : await GrantAsync(patient);
            if (emergency is null)
            {
                return Forbidden;
            }
            opened = await OpenedAsync(patient, consents, transferUnit, emergency);
        }
        if (need == PatientNeed.WriteRecord && !(team is { } write && opened.CanWrite(write)))
        {
            return Forbidden;
        }
        if (emergency is not null)
        {
            // Reads under an emergency grant are flagged for the coordinator's review.
            Http.Features.Set(new PatientOfRequest(patient.Id, patient.UnitId, Emergency: true));
        }
        return new PatientOpening(opened, null);
    }

    /// <summary>What the user may read and write in each record of the patient (P30: sharing from his consents).</summary>
    private async Task<OpenedPatient> OpenedAsync(Patient patient, ConsentState consents, Guid? transferUnit,
        BreakGlassGrant? emergency)
    {
        var readable = new List<Team>();
        var writable = new List<Team>();
        foreach (var scope in RecordScopes.Of(patient, consents))
        {
            // P13: a transferred patient's record is read through the receiving unit, never written.
            var reading = transferUnit is { } receiving ? scope with { UnitId = receiving } : scope;
            if (await MayAsync(reading, ScopeRequirements.ReadRecord))
            {
                readable.Add(scope.Team);
            }
            if (transferUnit is null && await MayAsync(scope, ScopeRequirements.WriteRecord))
            {
                writable.Add(scope.Team);
            }
        }
        if (emergency is not null)
        {
            // Break-the-glass: both records, read-only outside the user's own team and unit.
            readable = [.. RecordScopes.Teams];
        }
        var readOnly = transferUnit is not null || (emergency is not null && !User.UnitIds().Contains(patient.UnitId));
        return new OpenedPatient(patient, consents, transferUnit, emergency, readOnly, readable, writable,
            () => PatientBanner.LoadAsync(db, patient, Fr.Today(clock), consents));
    }

    private async Task<BreakGlassGrant?> GrantAsync(Patient patient) =>
        User.Can(Permission.WriteConsultation) ? await BreakGlass.ActiveAsync(db, User, patient.Id, clock.GetUtcNow()) : null;

    private async Task<bool> MayAsync(object resource, IAuthorizationRequirement requirement) =>
        (await authorization.AuthorizeAsync(User, resource, requirement)).Succeeded;
}
