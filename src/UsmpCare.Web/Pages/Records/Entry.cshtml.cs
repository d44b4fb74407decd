using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

/// <summary>One entry of one team's record, with the amendments that correct it (P17) — read scope checked (P30).</summary>
[RequirePermission(Permission.ReadRecord)]
// P30, P13: the team's record, through the receiving unit after a transfer, else under an emergency grant.
[OpensPatient(PatientNeed.ReadRecord, Entry = true)]
public sealed class EntryModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public ClinicalEntry Item { get; private set; } = null!;
    public ClinicalEntry? Original { get; private set; }
    public IReadOnlyList<ClinicalEntry> Amendments { get; private set; } = [];
    public bool CanAmend { get; private set; }

    public async Task<IActionResult> OnGetAsync(Team team, Guid id)
    {
        var entry = Item = OpenedEntry;
        Original = entry.AmendsId is { } originalId
            ? await Db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == originalId)
            : null;
        Amendments = await Db.Entries(team).AsNoTracking()
            .Where(ClinicalEntry.Shown).Where(e => e.AmendsId == id)
            .OrderBy(e => e.CreatedAt).ToListAsync();
        CanAmend = entry.IsSigned && AmendPermission(entry.Kind) is { } permission && User.Can(permission) && Opened.CanWrite(team);
        return Page();
    }

    public static Permission? AmendPermission(EntryKind kind) => kind switch
    {
        EntryKind.Consultation => Permission.WriteConsultation,
        EntryKind.NursingNote => Permission.WriteNursingNote,
        EntryKind.HungerStrikeCheck => Permission.FollowHungerStrike,
        EntryKind.MedicationAdministration => Permission.RecordMedicationAdministration,
        _ => null,
    };
}
