namespace UsmpCare.Domain.Security;

/// <summary>
/// What a user may do. Each permission is a named authorization policy in the Web project and a row of the
/// « Qui voit quoi » page (P04). Unit and team scope are checked on top of it, per resource.
/// </summary>
public enum Permission
{
    ViewWhoSeesWhat,
    ViewRoster,
    SearchPatients,
    ManagePatientIdentity,
    ViewPatientChart,
    ReadRecord,
    WriteConsultation,
    WriteNursingNote,
    RecordMedicationAdministration,
    FollowHungerStrike,
    LogCareRequests,
    HandleCareRequests,
    RecordConsent,
    ShareWithSpip,
    WriteSignalement,
    ViewDocumentsForAp,
    IssueDocument,
    ViewDocumentRegister,
    RequestDocument,
    CoordinateReleases,
    ManageAccessRequests,
    ManageEscorts,
    ManageEscortPlaces,
    ViewEscortNeeds,
    ViewUnitAudit,
    ManageUnitStaff,
    ViewUnitReports,
    ViewSharedWithSpip,
    ManageAccounts,
    ManageUnits,
    ImportMovements,
    BookAppointments,
    ManageRooms,
    ViewMovementList,
    RecordNotBrought,
    Prescribe,
    ValidatePrescriptions,
    SetDistributionDefaults,
}

public static class PermissionLabels
{
    public static string Label(this Permission permission) => permission switch
    {
        Permission.ViewWhoSeesWhat => "Consulter « Qui voit quoi » et le glossaire",
        Permission.ViewRoster => "Voir la liste des personnes détenues suivies (identité, écrou, cellule)",
        Permission.SearchPatients => "Rechercher un patient",
        Permission.ManagePatientIdentity => "Créer et corriger l'identité administrative d'un patient",
        Permission.ViewPatientChart => "Ouvrir le dossier patient (bandeau, allergies, alertes)",
        Permission.ReadRecord => "Lire le dossier médical de son équipe (somatique ou psychiatrique)",
        Permission.WriteConsultation => "Rédiger et signer des consultations, diagnostics, prescriptions",
        Permission.WriteNursingNote => "Rédiger des transmissions infirmières",
        Permission.RecordMedicationAdministration => "Tracer la distribution des médicaments",
        Permission.FollowHungerStrike => "Suivre une grève de la faim",
        Permission.LogCareRequests => "Relever la boîte aux lettres et saisir les demandes de soins",
        Permission.HandleCareRequests => "Lire, trier et clore les demandes de soins adressées à son équipe",
        Permission.RecordConsent => "Enregistrer les accords, refus, informations et oppositions du patient",
        Permission.ShareWithSpip => "Partager un message non médical avec le SPIP (patient informé, sans opposition)",
        Permission.WriteSignalement => "Émettre un signalement (risque pour la sécurité, sévices) — consigné au registre des transmissions",
        Permission.ViewDocumentsForAp => "Lire les documents adressés à l'administration pénitentiaire (attestations, fiches de préconisations, signalements de risque)",
        Permission.IssueDocument => "Établir certificats et attestations, répondre aux demandes de l'administration, enregistrer les réquisitions",
        Permission.ViewDocumentRegister => "Consulter le registre des documents émis (sans leur contenu médical)",
        Permission.RequestDocument => "Demander une attestation ou un certificat à l'unité sanitaire",
        Permission.CoordinateReleases => "Préparer les sorties : visite pré-libération, dossier de sortie, liste de contrôle",
        Permission.ManageAccessRequests => "Enregistrer et suivre les demandes d'accès au dossier médical",
        Permission.ManageEscorts => "Programmer les consultations extérieures et suivre les escortes (avec leur motif médical)",
        Permission.ManageEscortPlaces => "Tenir la liste des lieux d'extraction de l'unité (hôpital, UHSI, UHSA, tribunal — jamais un service ni une spécialité)",
        Permission.ViewUnitAudit => "Consulter et vérifier le journal d'audit de l'unité (qui a ouvert quel dossier)",
        Permission.ViewEscortNeeds => "Voir les besoins d'escorte (date, heure, destination, niveau — jamais le motif)",
        Permission.ManageUnitStaff => "Gérer les comptes des soignants de l'unité",
        Permission.ViewUnitReports => "Consulter les rapports de l'unité (visites de prévention, activité)",
        Permission.ViewSharedWithSpip => "Lire les éléments partagés avec le SPIP (sans opposition du patient)",
        Permission.ManageAccounts => "Gérer les comptes utilisateurs",
        Permission.ManageUnits => "Gérer les unités et leurs coordonnées",
        Permission.ImportMovements => "Importer les mouvements de l'établissement (arrivées, libérations, transferts) depuis le fichier de l'administration pénitentiaire",
        Permission.BookAppointments => "Consulter l'agenda et la liste du jour, prendre et annuler des rendez-vous (le motif reste à l'équipe du rendez-vous)",
        Permission.ManageRooms => "Tenir la liste des salles de consultation de l'unité",
        Permission.ViewMovementList => "Voir, imprimer et exporter la liste des mouvements vers l'unité sanitaire (nom, écrou, cellule, heure — jamais le soignant, la nature ni le motif)",
        Permission.RecordNotBrought => "Signaler une personne non amenée à l'unité sanitaire, avec la raison de l'établissement",
        Permission.Prescribe => "Prescrire des médicaments, signer, modifier, renouveler ou arrêter une ordonnance et l'imprimer",
        Permission.ValidatePrescriptions => "Voir les prescriptions et les administrations des patients de l'unité et les valider (validation pharmaceutique) — rien d'autre du dossier",
        Permission.SetDistributionDefaults => "Régler la distribution des médicaments de l'unité (mode par défaut de chaque classe, seuil d'alerte du prescripteur)",
        _ => permission.ToString(),
    };

    /// <summary>Whether the permission reaches medical data: the line AP, SPIP and administrators never cross (P05).</summary>
    public static bool TouchesMedicalData(this Permission permission) => permission is
        Permission.ViewPatientChart or Permission.ReadRecord or Permission.WriteConsultation
        or Permission.WriteNursingNote or Permission.RecordMedicationAdministration
        or Permission.FollowHungerStrike or Permission.LogCareRequests or Permission.HandleCareRequests
        or Permission.RecordConsent or Permission.IssueDocument or Permission.WriteSignalement
        or Permission.ShareWithSpip or Permission.CoordinateReleases or Permission.Prescribe
        or Permission.ValidatePrescriptions;
}
