using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "documents");

            migrationBuilder.CreateSequence(
                name: "document_number_seq",
                schema: "documents");

            migrationBuilder.CreateTable(
                name: "administration_requests",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replied_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administration_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_administration_requests_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_patient = table.Column<bool>(type: "boolean", nullable: false),
                    administration_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disclosure_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_documents_issued_documents_replaces_id",
                        column: x => x.replaces_id,
                        principalSchema: "documents",
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requisitions",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    physician_id = table.Column<Guid>(type: "uuid", nullable: false),
                    physician_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    what_asked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    blocked = table.Column<bool>(type: "boolean", nullable: false),
                    refusal_letter = table.Column<byte[]>(type: "bytea", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requisitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_requisitions_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_administration_requests_patient_id",
                schema: "documents",
                table: "administration_requests",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_administration_requests_unit_id_status",
                schema: "documents",
                table: "administration_requests",
                columns: new[] { "unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_number",
                schema: "documents",
                table: "issued_documents",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_patient_id_issued_at",
                schema: "documents",
                table: "issued_documents",
                columns: new[] { "patient_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_replaces_id",
                schema: "documents",
                table: "issued_documents",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_unit_id_issued_at",
                schema: "documents",
                table: "issued_documents",
                columns: new[] { "unit_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requisitions_patient_id",
                schema: "documents",
                table: "requisitions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_requisitions_unit_id_recorded_at",
                schema: "documents",
                table: "requisitions",
                columns: new[] { "unit_id", "recorded_at" });
            // P22: an issued document never changes; a requisition and its refusal letter neither. Requests from the
            // administration change once (the reply), and are never deleted (register of refusals, P24).
            migrationBuilder.Sql("""
                CREATE TRIGGER issued_documents_append_only BEFORE UPDATE OR DELETE ON documents.issued_documents
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER issued_documents_no_truncate BEFORE TRUNCATE ON documents.issued_documents
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER requisitions_append_only BEFORE UPDATE OR DELETE ON documents.requisitions
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER administration_requests_no_delete BEFORE DELETE ON documents.administration_requests
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administration_requests",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "issued_documents",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "requisitions",
                schema: "documents");

            migrationBuilder.DropSequence(
                name: "document_number_seq",
                schema: "documents");
        }
    }
}
