using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QqConnect.Sample.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QqConnectAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QqConnectProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    UnionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AvatarUrl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    BoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LinkedProviders = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QqConnectProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_QqConnectProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QqConnectProfiles_UnionId",
                table: "QqConnectProfiles",
                column: "UnionId",
                unique: true);

            // The binding's data moves to QqConnect.AspNetCore.Identity's table: the profile, with the UnionID that
            // the earlier site kept as a login row of its own ("QQ.UnionId"), which Identity's pages would list.
            migrationBuilder.Sql(
                """
                INSERT INTO "QqConnectProfiles" ("UserId", "UnionId", "Nickname", "AvatarUrl", "BoundAt", "UpdatedAt", "LinkedProviders")
                SELECT p."UserId",
                       COALESCE(p."UnionId", (SELECT l."ProviderKey" FROM "AspNetUserLogins" l WHERE l."UserId" = p."UserId" AND l."LoginProvider" = 'QQ.UnionId')),
                       p."Nickname", p."AvatarUrl", p."BoundAt", p."UpdatedAt", 'QQ'
                FROM "QqProfiles" p;
                DELETE FROM "AspNetUserLogins" WHERE "LoginProvider" = 'QQ.UnionId';
                """);

            migrationBuilder.DropTable(
                name: "QqProfiles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QqConnectProfiles");

            migrationBuilder.CreateTable(
                name: "QqProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AvatarUrl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    BoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QqProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_QqProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }
    }
}
