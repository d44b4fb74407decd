namespace UsmpCare.Domain.Security;

/// <summary>What a role sees and never sees, in the words of product.md, for the « Qui voit quoi » page (P04).</summary>
public sealed record RolePerimeter(Role Role, string Who, string Sees, string NeverSees);

public static class RolePerimeters
{
    public static IReadOnlyList<RolePerimeter> All { get; } =
    [
        new(Role.Physician, "Médecin somaticien de l'USMP",
            "Le dossier somatique des patients de ses unités ; le dossier psychiatrique seulement si le patient a accepté le partage entre équipes (P30).",
            "Les patients des autres unités ; le motif d'incarcération (P29)."),
        new(Role.Psychiatrist, "Médecin de l'équipe de soins psychiatriques (SMPR)",
            "Le dossier psychiatrique ; le dossier somatique seulement si le patient a accepté le partage (P30).",
            "Les patients des autres unités ; le motif d'incarcération (P29)."),
        new(Role.Nurse, "Infirmier·e d'une équipe",
            "Le dossier de son équipe (vue infirmière), la file des demandes de soins.",
            "Le dossier de l'autre équipe sans accord du patient ; les patients des autres unités."),
        new(Role.Coordinator, "Médecin qui dirige l'unité (P37)",
            "Comme le médecin, plus les comptes des soignants de l'unité et les rapports de l'unité (P37).",
            "Les patients des autres unités."),
        new(Role.Dentist, "Chirurgien-dentiste de l'USMP (équipe somatique)",
            "Le dossier somatique des patients de ses unités, ses rendez-vous et la liste du jour ; le dossier psychiatrique seulement si le patient a accepté le partage (P30).",
            "Les patients des autres unités ; le motif d'incarcération (P29)."),
        new(Role.Psychologist, "Psychologue de l'équipe de soins psychiatriques (SMPR)",
            "Le dossier psychiatrique, ses rendez-vous et la liste du jour ; le dossier somatique seulement si le patient a accepté le partage (P30).",
            "Les patients des autres unités ; le motif d'incarcération (P29) ; il ne prescrit pas."),
        new(Role.Pharmacist, "Pharmacien·ne de la pharmacie de l'hôpital (validation et dispensation)",
            "Les prescriptions des patients de ses unités (médicament, dose, moments, mode de distribution, prescripteur) et leurs administrations, pour les valider.",
            "Le reste du dossier : notes, diagnostics, demandes de soins, documents ; le motif d'incarcération (P29)."),
        new(Role.Secretary, "Secrétariat médical",
            "L'identité administrative des patients de ses unités (sans allergies, alertes ni soins ordonnés), les demandes d'accès au dossier, les extractions (sans leur motif médical), l'agenda de l'unité (patient, heure, soignant, salle, nature — sans le motif), le registre des documents émis (sans leur contenu).",
            "Le dossier médical : notes, diagnostics, prescriptions, demandes de soins."),
        new(Role.PrisonAdministration, "Direction et personnels pénitentiaires (escortes)",
            "L'identité des personnes suivies (nom, écrou, cellule) ; les besoins d'escorte (date, heure, destination) ; les documents adressés à l'AP (attestations, fiches de préconisations, signalements).",
            "Toute donnée médicale : diagnostic, motif de consultation ou d'extraction, traitement, note (P05)."),
        new(Role.Spip, "Conseillers pénitentiaires d'insertion et de probation",
            "Uniquement ce qu'un médecin a explicitement partagé avec le SPIP pour ce patient, tant qu'il ne s'y est pas opposé (P03).",
            "Le dossier médical, les diagnostics, les traitements."),
        new(Role.Administrator, "Administrateur informatique de l'hôpital",
            "Les comptes, les unités et leurs paramètres.",
            "Aucune donnée de patient."),
    ];
}
