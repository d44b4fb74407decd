namespace UsmpCare.Domain.Security;

/// <summary>
/// The one roles × permissions matrix. The Web project turns each permission into a policy, and the
/// « Qui voit quoi » page (P04) is rendered from the same data, so what users read is what the server enforces.
/// Anything not listed here is denied.
/// </summary>
public static class RolePermissions
{
    private static readonly Permission[] Clinical =
    [
        Permission.ViewWhoSeesWhat, Permission.ViewRoster, Permission.SearchPatients,
        Permission.ManagePatientIdentity, Permission.ViewPatientChart, Permission.ReadRecord,
        Permission.FollowHungerStrike, Permission.HandleCareRequests, Permission.RecordConsent,
        Permission.ViewDocumentRegister, Permission.ManageEscorts, Permission.BookAppointments,
        Permission.ViewMovementList,
    ];

    private static readonly Permission[] Physicians =
    [
        Permission.WriteConsultation, Permission.ShareWithSpip, Permission.WriteSignalement, Permission.IssueDocument,
        // Issue #20: a physician or psychiatrist prescribes medicines (art. R.5132-3 CSP); a nurse distributes them.
        Permission.Prescribe,
    ];

    public static IReadOnlyDictionary<Role, IReadOnlySet<Permission>> Matrix { get; } =
        new Dictionary<Role, IReadOnlySet<Permission>>
        {
            [Role.Physician] = Set(Clinical, Physicians),
            [Role.Psychiatrist] = Set(Clinical, Physicians),
            [Role.Nurse] = Set(Clinical, Permission.WriteNursingNote, Permission.RecordMedicationAdministration,
                Permission.LogCareRequests),
            // P37: the coordinator is a physician who also leads the unit's staff.
            [Role.Coordinator] = Set(Clinical, [.. Physicians, Permission.ManageUnitStaff, Permission.ViewUnitReports,
                Permission.CoordinateReleases, Permission.ManageAccessRequests, Permission.ViewUnitAudit,
                Permission.ImportMovements, Permission.ManageEscortPlaces, Permission.ManageRooms,
                // Issue #20: how the unit hands out each class of drug and when a prescriber is alerted is the medical
                // lead's choice for his unit (P37); the pharmacist advises but organises no round.
                Permission.SetDistributionDefaults]),
            // A dentist writes his dental consultations in the somatic record (issue #21) and prescribes within his art
            // (art. L.4141-2 CSP).
            [Role.Dentist] = Set(Clinical, Permission.WriteConsultation, Permission.Prescribe),
            // A psychologist of the SMPR reads the psychiatric record and holds his appointments; he prescribes nothing.
            [Role.Psychologist] = Set(Clinical),
            // The hospital pharmacy: the unit's prescriptions and administrations, to validate and dispense; no note,
            // diagnosis, care request or document of the record (issue #20, P30: he belongs to neither team).
            [Role.Pharmacist] = Set([Permission.ViewWhoSeesWhat, Permission.ValidatePrescriptions]),
            // Identities and scheduling, never note contents.
            [Role.Secretary] = Set([Permission.ViewWhoSeesWhat, Permission.ViewRoster, Permission.SearchPatients,
                Permission.ManagePatientIdentity, Permission.ViewDocumentRegister, Permission.ManageAccessRequests,
                Permission.ManageEscorts, Permission.ImportMovements, Permission.BookAppointments, Permission.ViewMovementList]),
            // P05: no medical field for AP, ever: its movement list says who is expected at the unit sanitaire and when.
            [Role.PrisonAdministration] = Set([Permission.ViewWhoSeesWhat, Permission.ViewRoster,
                Permission.ViewDocumentsForAp, Permission.RequestDocument, Permission.ViewEscortNeeds,
                Permission.ViewMovementList, Permission.RecordNotBrought]),
            // P03: SPIP reads only what a physician shared, nothing else.
            [Role.Spip] = Set([Permission.ViewWhoSeesWhat, Permission.ViewSharedWithSpip]),
            // The hospital's IT administrator sees no patient data at all.
            [Role.Administrator] = Set([Permission.ViewWhoSeesWhat, Permission.ManageAccounts,
                Permission.ManageUnits]),
        };

    public static bool Allows(Role role, Permission permission) =>
        Matrix.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static bool AllowsAny(IEnumerable<Role> roles, Permission permission) =>
        roles.Any(role => Allows(role, permission));

    private static HashSet<Permission> Set(Permission[] common, params Permission[] extra) => [.. common, .. extra];
}
