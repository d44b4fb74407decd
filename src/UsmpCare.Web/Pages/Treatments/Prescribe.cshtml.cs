using UsmpCare.Domain;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// Prescribing (issue #20): the patient's current treatment with modify / renew / stop, and the draft ordonnance whose
/// lines are picked from the drug referential (free text only as a marked fallback), checked by
/// <see cref="PrescriptionLine.Create"/> and <see cref="Prescription.AddLine"/>, then signed. A prescriber writes in his
/// own team's record only (P30); a signed prescription is never rewritten, a change is a new version (P17).
/// </summary>
[RequirePermission(Permission.Prescribe)]
[OpensPatient(PatientNeed.WriteRecord)]
[ShowsInputErrors]
public sealed class PrescribeModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock), IReloadsAfterRefusal
{
    public const int Shown = 20;

    /// <summary>What the prescriber typed for one line; checked by the domain, never trusted.</summary>
    public sealed class LineInput
    {
        public string? Cis { get; set; }
        public string? FreeText { get; set; }
        public decimal? Dose { get; set; }
        public string? DoseUnit { get; set; }
        public List<DoseTimes> Times { get; set; } = [];
        public int? TimesPerDay { get; set; }
        public bool AsNeeded { get; set; }
        public decimal? MaxPerDay { get; set; }
        public DateOnly? Start { get; set; }
        public int? DurationDays { get; set; }
        public DateOnly? End { get; set; }
        public DistributionMode? Mode { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>The draft being written; none before its first line.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public LineInput Line { get; set; } = new();
    [BindProperty] public int Number { get; set; }
    [BindProperty] public Guid PrescriptionId { get; set; }
    [BindProperty] public string? StopReason { get; set; }
    [TempData] public string? Message { get; set; }

    public Prescription? Draft { get; private set; }
    public IReadOnlyList<Prescription> Drafts { get; private set; } = [];
    public IReadOnlyList<ActiveLine> Active { get; private set; } = [];
    public IReadOnlyList<(Drug Drug, DistributionMode Mode)> Found { get; private set; } = [];
    public Team Team => User.TeamOf()!.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        if (Id is not null && Draft is null)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAddLineAsync(Guid patientId) => WriteAsync(patientId, async () =>
    {
        var draft = await DraftAsync() ?? NewDraft(await PrescriberAsync());
        var drug = Line.Cis is { Length: > 0 } cis ? await Db.Drugs.AsNoTracking().FirstOrDefaultAsync(d => d.Cis == cis) : null;
        var defaults = await DefaultsAsync();
        var drugClass = DistributionDefaults.ClassOf(drug?.ActiveSubstances.Select(s => s.Name) ?? [Line.FreeText ?? ""]);
        var line = PrescriptionLine.Create(new LineRequest(Line.Cis, Line.FreeText, Line.Dose, Line.DoseUnit,
            Line.Times.Aggregate(DoseTimes.None, (all, t) => all | t), Line.TimesPerDay, Line.AsNeeded, Line.MaxPerDay,
            Line.Start ?? throw new DomainException("Indiquez la date de début du traitement."), Line.DurationDays, Line.End, Line.Mode, Line.Reason), drug, defaults.ModeFor(drugClass));
        // The lines this draft replaces are in it already: compared with the rest of the treatment, not with themselves.
        var treatment = await ActiveAsync();
        var active = treatment.Visible.Where(a => a.Prescription.Id != draft.ReplacesId).Select(a => a.Line);
        // P30: the other team's lines this prescriber may not read are still checked, and named to no one.
        draft.AddLine(line, active, Banner.Patient.Allergies, treatment.Hidden);
        Q = null;
        return (draft, $"Ligne ajoutée : {line.DrugName}.");
    });

    public Task<IActionResult> OnPostRemoveLineAsync(Guid patientId) => WriteAsync(patientId, async () =>
    {
        var draft = await ExistingDraftAsync();
        draft.RemoveLine(Number);
        return (draft, "Ligne retirée du brouillon.");
    });

    public Task<IActionResult> OnPostSignAsync(Guid patientId) => WriteAsync(patientId, async () =>
    {
        var draft = await ExistingDraftAsync();
        var superseded = draft.ReplacesId is { } replaced
            && await Db.Prescriptions.AnyAsync(p => p.ReplacesId == replaced && p.Status == PrescriptionStatus.Signed);
        draft.Sign(Clock.GetUtcNow(), superseded);
        return (draft, "Ordonnance signée : imprimez-la.");
    });

    public Task<IActionResult> OnPostAbandonAsync(Guid patientId) => WriteAsync(patientId, async () =>
    {
        var draft = await ExistingDraftAsync();
        draft.Abandon();
        return (draft, "Brouillon abandonné : il reste dans l'historique, sans effet.");
    });

    public Task<IActionResult> OnPostModifyAsync(Guid patientId) =>
        SucceedAsync(patientId, (signed, by, at) => signed.Modify(Team, by, at), "Nouvelle version à modifier, puis à signer.");

    public Task<IActionResult> OnPostRenewAsync(Guid patientId) =>
        SucceedAsync(patientId, (signed, by, at) => signed.Renew(Team, by, at, Fr.Today(Clock)),
            "Renouvellement à partir d'aujourd'hui : vérifiez, puis signez.");

    public Task<IActionResult> OnPostStopAsync(Guid patientId) =>
        SucceedAsync(patientId, (signed, by, at) => signed.Stop(Team, by, at, StopReason), "Traitement arrêté.");

    public async Task ReloadAsync()
    {
        var patientId = Banner.Patient.Id;
        Active = (await ActiveAsync()).Visible;
        Draft = Id is { } id ? await Db.Prescriptions.AsNoTracking().FirstOrDefaultAsync(OwnDraft(id)) : null;
        Drafts = await Db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Team == Team && p.Status == PrescriptionStatus.Draft)
            .OrderByDescending(p => p.CreatedAt).ToListAsync();
        var defaults = await DefaultsAsync();
        Found = [.. (await Db.Drugs.AsNoTracking().Search(Q).Take(Shown).ToListAsync())
            .Select(d => (d, defaults.ModeFor(DistributionDefaults.ClassOf(d.ActiveSubstances.Select(s => s.Name)))))];
        Line.Start ??= Fr.Today(Clock);
    }

    /// <summary>
    /// A new version of a signed prescription of the patient: a draft (modify, renew) to complete and sign, or a stop,
    /// signed at once. Only the latest version of the prescriber's own team changes (the domain says so for the team).
    /// </summary>
    private Task<IActionResult> SucceedAsync(Guid patientId, Func<Prescription, Prescriber, DateTimeOffset, Prescription> next,
        string message) => WriteAsync(patientId, async () =>
    {
        var signed = await Db.Prescriptions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == PrescriptionId && p.PatientId == patientId && p.Status == PrescriptionStatus.Signed)
            ?? throw new DomainException("Cette ordonnance n'existe pas pour ce patient.");
        if (await Db.Prescriptions.AnyAsync(p => p.ReplacesId == signed.Id && p.Status == PrescriptionStatus.Signed))
        {
            throw new DomainException("Cette ordonnance a déjà été modifiée, renouvelée ou arrêtée : repartez du traitement en cours.");
        }
        var version = next(signed, await PrescriberAsync(), Clock.GetUtcNow());
        Db.Prescriptions.Add(version);
        return (version, message);
    });

    /// <summary>Runs the change in the prescriber's own record (opened for it), saves it and shows where it leads.</summary>
    private async Task<IActionResult> WriteAsync(Guid patientId, Func<Task<(Prescription Changed, string Message)>> change)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync();
            return Page();
        }
        var (changed, message) = await change();
        await Db.SaveChangesAsync();
        Message = message;
        return changed.Status switch
        {
            PrescriptionStatus.Draft => RedirectToPage(new { patientId, id = changed.Id }),
            PrescriptionStatus.Signed when changed.Change != PrescriptionChange.Stop =>
                RedirectToPage("Ordonnance", new { patientId, prescriptionId = changed.Id }),
            _ => RedirectToPage(new { patientId }),
        };
    }

    private Task<WalledTreatment> ActiveAsync() =>
        ActiveTreatments.ForPatientAsync(Db, Banner.Patient.Id, Opened.ReadableTeams, Fr.Today(Clock));

    private System.Linq.Expressions.Expression<Func<Prescription, bool>> OwnDraft(Guid id)
    {
        var (patientId, team) = (Banner.Patient.Id, Team);
        return p => p.Id == id && p.PatientId == patientId && p.Team == team && p.Status == PrescriptionStatus.Draft;
    }

    private async Task<Prescription?> DraftAsync() => Id is { } id
        ? await Db.Prescriptions.FirstOrDefaultAsync(OwnDraft(id))
            ?? throw new DomainException("Ce brouillon d'ordonnance n'est plus modifiable (signé ou abandonné) : repartez du traitement en cours.")
        : null;

    private async Task<Prescription> ExistingDraftAsync() =>
        await DraftAsync() ?? throw new DomainException("Aucun brouillon d'ordonnance n'est ouvert.");

    private Prescription NewDraft(Prescriber by)
    {
        var draft = Prescription.Draft(Banner.Patient.Id, Banner.Patient.UnitId, Team, by, Clock.GetUtcNow());
        Db.Prescriptions.Add(draft);
        return draft;
    }

    private async Task<Prescriber> PrescriberAsync()
    {
        var actor = Actor.Of(User);
        var rpps = await Db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => u.Rpps).SingleAsync();
        return new Prescriber(actor.Id, actor.Name, rpps);
    }

    private async Task<DistributionDefaults> DefaultsAsync() =>
        await Db.DistributionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.UnitId == Banner.Patient.UnitId)
        ?? new DistributionDefaults(Banner.Patient.UnitId);
}
