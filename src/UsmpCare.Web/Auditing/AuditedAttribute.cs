namespace UsmpCare.Web.Auditing;

/// <summary>
/// Marks a page that shows or changes medical data although its permission is not a medical one (identity form with
/// allergies, escorts with their reason, the ledger, unit reports): the audit filter records it too (P16).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditedAttribute : Attribute;
