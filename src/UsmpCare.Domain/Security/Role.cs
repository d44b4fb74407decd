namespace UsmpCare.Domain.Security;

/// <summary>The roles of product.md. Stored by name as ASP.NET Core Identity roles.</summary>
public enum Role
{
    /// <summary>Médecin: somatic physician of the USMP.</summary>
    Physician,
    /// <summary>Psychiatre: physician of the psychiatric team (SMPR).</summary>
    Psychiatrist,
    /// <summary>Infirmier·e of a team.</summary>
    Nurse,
    /// <summary>Médecin coordonnateur: leads the unit (P37).</summary>
    Coordinator,
    /// <summary>Secrétariat médical.</summary>
    Secretary,
    /// <summary>Administration pénitentiaire (AP): prison staff, never sees medical data (P05).</summary>
    PrisonAdministration,
    /// <summary>Service pénitentiaire d'insertion et de probation: sees only what was shared (P03).</summary>
    Spip,
    /// <summary>IT administrator of the hospital: accounts and settings, no patient data.</summary>
    Administrator,
    /// <summary>Chirurgien-dentiste of the somatic team (USMP).</summary>
    Dentist,
    /// <summary>Psychologue of the psychiatric team (SMPR).</summary>
    Psychologist,
    /// <summary>Pharmacien·ne of the hospital pharmacy (PUI) that validates and dispenses the unit's prescriptions: no team,
    /// no record (art. R.4235-48 CSP: pharmaceutical analysis of the prescription).</summary>
    Pharmacist,
}

/// <summary>The two care teams and their two records (P30).</summary>
public enum Team
{
    Somatic,
    Psychiatric,
}

public static class RoleLabels
{
    public static string Label(this Role role) => role switch
    {
        Role.Physician => "Médecin",
        Role.Psychiatrist => "Psychiatre",
        Role.Nurse => "Infirmier·e",
        Role.Coordinator => "Médecin coordonnateur",
        Role.Secretary => "Secrétariat médical",
        Role.PrisonAdministration => "Administration pénitentiaire",
        Role.Spip => "SPIP",
        Role.Administrator => "Administrateur",
        Role.Dentist => "Chirurgien-dentiste",
        Role.Psychologist => "Psychologue",
        Role.Pharmacist => "Pharmacien·ne",
        _ => role.ToString(),
    };

    public static string Label(this Team team) => team switch
    {
        Team.Somatic => "Somatique",
        Team.Psychiatric => "Psychiatrie",
        _ => team.ToString(),
    };

    /// <summary>Roles that belong to a care team and need one.</summary>
    public static bool IsClinical(this Role role) =>
        role is Role.Physician or Role.Psychiatrist or Role.Nurse or Role.Coordinator or Role.Dentist or Role.Psychologist;

    /// <summary>
    /// Roles that must sign in with a second factor (TOTP): every role that reads medical data (P16; PGSSI-S requires
    /// strong authentication for access to health data) and the administrator, who opens and changes every account
    /// (ASVS V4.3.1). The secretariat, the AP and SPIP may enrol but are not forced: none of them reads a clinical record
    /// (P05, P03), and prison staff may not carry a telephone in detention, where an authenticator app would live.
    /// </summary>
    public static bool RequiresMfa(this Role role) =>
        role is Role.Physician or Role.Psychiatrist or Role.Nurse or Role.Coordinator or Role.Dentist or Role.Psychologist
            or Role.Pharmacist or Role.Administrator;

    /// <summary>Roles that sign medical documents and carry an RPPS number.</summary>
    public static bool IsPhysician(this Role role) =>
        role is Role.Physician or Role.Psychiatrist or Role.Coordinator;
}
