namespace UsmpCare.Bench.Generation;

/// <summary>
/// French names and clinical wording for the generated hospital. Names are drawn with Zipf-like weights (the first of
/// each list is the most frequent), so common surnames repeat the way they do in a real roster and the search
/// meets many homonyms; accented names are frequent on purpose (the search must be accent-tolerant).
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martínez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sánchez", "Dupuis", "Moulin",
        "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
        "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernández", "Le Gall", "Collet",
        "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
        "Benali", "Haddad", "Diallo", "Traoré", "Koné", "Camara", "Mendy", "Benhamou", "Belkacem", "Boukhari",
        "Cissé", "Diop", "Ndiaye", "Sow", "Bensaïd", "Chérif", "Mansouri", "Rahmani", "Saïdi", "Ouali",
        "Nguyen", "Tran", "Popescu", "Kowalski", "Da Silva", "Pereira", "Ferreira", "Rodrigues", "Gonçalves", "Öztürk",
        "Hébert", "Bérénger", "Lévêque", "Pâris", "Chauvière", "Frémont", "Thébault", "Béranger", "Gaëtan", "Édouard",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Nathan", "Lucas", "Thomas", "Kevin", "Maxime", "Alexandre", "Julien", "Nicolas", "Anthony", "Romain",
        "Mohamed", "Karim", "Mehdi", "Yassine", "Sofiane", "Bilal", "Mamadou", "Moussa", "Ibrahima", "Amadou",
        "Jérôme", "Sébastien", "Frédéric", "Stéphane", "Cédric", "Grégory", "Jérémy", "Aurélien", "Rémi", "Benoît",
        "David", "Jean", "Pierre", "Philippe", "Patrick", "Christophe", "Laurent", "Olivier", "Éric", "Hervé",
        "Dylan", "Enzo", "Hugo", "Théo", "Mathéo", "Noé", "Adam", "Rayan", "Ilyès", "Ismaël",
        "Jean-François", "Jean-Luc", "Jean-Marc", "Marc-André", "François", "Joël", "Gaël", "Loïc", "Anaël", "Zoé",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Marie", "Sarah", "Laura", "Julie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Yasmine",
        "Fatoumata", "Aïcha", "Nadia", "Sandrine", "Stéphanie", "Céline", "Émilie", "Hélène", "Noémie", "Maëlle",
    ];

    public static readonly (string Code, string Label)[] SomaticDiagnoses =
    [
        ("I10", "Hypertension essentielle (primitive)"), ("E11.9", "Diabète sucré de type 2, sans complication"),
        ("J45.9", "Asthme, sans précision"), ("K21.9", "Reflux gastro-œsophagien sans œsophagite"),
        ("M54.5", "Lombalgie basse"), ("B18.2", "Hépatite virale chronique C"), ("L30.9", "Dermite, sans précision"),
        ("K02.9", "Carie dentaire, sans précision"), ("F17.2", "Troubles liés au tabac : syndrome de dépendance"),
        ("F11.2", "Troubles liés aux opiacés : syndrome de dépendance"), ("S01.1", "Plaie ouverte de la paupière et de la région péri-oculaire"),
        ("J06.9", "Infection aiguë des voies respiratoires supérieures, sans précision"), ("R51", "Céphalée"),
        ("G47.0", "Troubles de l'endormissement et du maintien du sommeil"), ("E66.9", "Obésité, sans précision"),
    ];

    public static readonly (string Code, string Label)[] PsychiatricDiagnoses =
    [
        ("F32.1", "Épisode dépressif moyen"), ("F41.1", "Anxiété généralisée"), ("F20.0", "Schizophrénie paranoïde"),
        ("F43.1", "État de stress post-traumatique"), ("F60.3", "Personnalité émotionnellement labile"),
        ("F10.2", "Troubles liés à l'alcool : syndrome de dépendance"), ("F31.9", "Trouble affectif bipolaire, sans précision"),
        ("F43.2", "Troubles de l'adaptation"), ("F19.2", "Troubles liés à l'utilisation de drogues multiples : dépendance"),
    ];

    public static readonly (string Text, string Dosage, string Duration)[] SomaticTreatments =
    [
        ("Amlodipine 5 mg", "1 cp le matin", "3 mois"), ("Metformine 1000 mg", "1 cp matin et soir", "3 mois"),
        ("Salbutamol 100 µg", "2 bouffées si besoin", "3 mois"), ("Oméprazole 20 mg", "1 gélule le matin", "1 mois"),
        ("Paracétamol 1 g", "1 cp jusqu'à 3 fois par jour", "5 jours"), ("Ibuprofène 400 mg", "1 cp 3 fois par jour au repas", "5 jours"),
        ("Buprénorphine 8 mg", "1 cp sublingual le matin", "1 mois"), ("Méthadone 60 mg", "1 prise le matin devant l'infirmier", "1 mois"),
        ("Nicotine patch 21 mg", "1 patch par jour", "6 semaines"), ("Crème émolliente", "2 applications par jour", "15 jours"),
    ];

    public static readonly (string Text, string Dosage, string Duration)[] PsychiatricTreatments =
    [
        ("Sertraline 50 mg", "1 cp le matin", "3 mois"), ("Olanzapine 10 mg", "1 cp le soir", "3 mois"),
        ("Hydroxyzine 25 mg", "1 cp le soir si besoin", "1 mois"), ("Aripiprazole 15 mg", "1 cp le matin", "3 mois"),
        ("Cyamémazine 25 mg", "1 cp le soir", "1 mois"), ("Zopiclone 7,5 mg", "1 cp au coucher", "15 jours"),
    ];

    public static readonly string[] ConsultationNotes =
    [
        "Vient pour des douleurs lombaires depuis une semaine, sans irradiation. Pas de traumatisme.",
        "Suivi de l'hypertension : observance correcte, pas de céphalée ni de trouble visuel.",
        "Demande un renouvellement de traitement. Se plaint de troubles du sommeil depuis son arrivée.",
        "Toux productive depuis cinq jours, fébricule le soir. Pas de dyspnée.",
        "Consultation à la demande du patient après une altercation en cour de promenade.",
        "Bilan d'entrée : antécédents recueillis, dépistages proposés et acceptés.",
        "Suivi de la substitution : pas de signe de manque, pas de surdosage. Demande un fractionnement.",
        "Éruption prurigineuse des avant-bras, plusieurs codétenus atteints.",
        "Douleur dentaire depuis trois jours, orientée vers le cabinet dentaire.",
        "Visite avant libération : relais de traitement organisé avec le médecin traitant.",
    ];

    public static readonly string[] PsychiatricNotes =
    [
        "Entretien de suivi : humeur plus stable, sommeil amélioré, pas d'idée suicidaire exprimée.",
        "Anxiété importante depuis l'annonce de son transfert. Soutien, réévaluation dans une semaine.",
        "Se dit isolé, ne reçoit plus de parloir. Pas d'élément délirant. Poursuite du suivi.",
        "Entretien d'accueil : antécédents de suivi en CMP, traitement interrompu depuis trois mois.",
        "Tension en détention, sentiment de persécution par le voisin de cellule. Adaptation du traitement.",
    ];

    public static readonly string[] Findings =
    [
        "Examen normal.", "TA 135/85, auscultation cardio-pulmonaire normale.", "Abdomen souple, indolore.",
        "Contracture paravertébrale lombaire, Lasègue négatif.", "Hématome périorbitaire gauche de 3 cm.",
        "Lésions de grattage des avant-bras, sillons interdigitaux.", "Orthopnée absente, sibilants diffus.",
    ];

    public static readonly string[] NursingNotes =
    [
        "Passage en cellule : patient calme, dit bien dormir. Traitement pris devant moi.",
        "Pansement de la main refait, plaie propre, pas de signe d'infection.",
        "Glycémie capillaire contrôlée avant le repas, dans les objectifs.",
        "Se plaint de maux de tête, paracétamol selon protocole, à revoir demain.",
        "Refuse le bilan sanguin ce jour, reprogrammé la semaine prochaine.",
        "Entretien infirmier : inquiet pour son jugement, orienté vers l'équipe de psychiatrie.",
        "Tension artérielle contrôlée, 128/80. Rien à signaler.",
    ];

    public static readonly string[] CareRequestSummaries =
    [
        "Mal aux dents depuis trois jours", "Demande à voir le médecin pour son dos", "Renouvellement de traitement",
        "Éruption sur les bras", "Demande à parler au psychiatre, ne dort plus", "Douleur au genou après le sport",
        "Veut arrêter de fumer", "Demande de lunettes", "Mal au ventre depuis hier", "Demande de pansement",
        "Angoisses la nuit", "Demande un certificat pour le sport", "Toux depuis une semaine", "Allergie, démangeaisons",
    ];

    public static readonly string[] Wings = ["Bâtiment A", "Bâtiment B", "Bâtiment C", "Quartier arrivants", "Quartier femmes", "Quartier mineurs"];

    public static readonly string[] Allergies = ["Pénicilline", "Aspirine", "Arachide", "Iode", "Sulfamides"];
}
