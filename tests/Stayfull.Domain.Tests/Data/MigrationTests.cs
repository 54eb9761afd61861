using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Tests.Data;

/// <summary>The model and each provider's migrations stay in step; none of these needs a live server.</summary>
public sealed partial class MigrationTests
{
    private static readonly DatabaseProvider[] AllProviders = [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.Postgres];

    public static TheoryData<DatabaseProvider> Providers => [.. AllProviders];

    [Theory]
    [MemberData(nameof(Providers))]
    public void ModelHasNoChangesMissingFromTheMigrations(DatabaseProvider provider)
    {
        using var context = DesignTimeContext(provider);

        Assert.False(context.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model; run scripts/add-migration.sh.");
    }

    [Fact]
    public void EveryProviderHasTheSameMigrations()
    {
        var names = AllProviders.Select(p =>
        {
            using var context = DesignTimeContext(p);
            return string.Join(",", context.Database.GetMigrations().Select(m => TimestampPrefix().Replace(m, "")));
        }).ToList();

        Assert.NotEqual("", names[0]);
        Assert.All(names, n => Assert.Equal(names[0], n));
    }

    [Fact]
    public void SqlServerIdempotentScriptCreatesTheSchema()
    {
        using var context = DesignTimeContext(DatabaseProvider.SqlServer);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Reservations]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [RoomTypeDays]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresScriptCreatesTheSchema()
    {
        using var context = DesignTimeContext(DatabaseProvider.Postgres);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE \"Reservations\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteMigrationsCreateEveryTableOnAFreshFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        try
        {
            await new DatabaseInitializer(new StayfullDb(Microsoft.Extensions.Options.Options.Create(options)), Microsoft.Extensions.Options.Options.Create(options)).MigrateAsync(CancellationToken.None);

            await using var context = new SqliteStayfullDbContext((DbContextOptions<SqliteStayfullDbContext>)StayfullDb.BuildOptions(options));
            var expected = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").ToHashSet();
            var tables = await context.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();

            Assert.Subset(tables.ToHashSet(), expected);
            Assert.Contains("Reservations", tables);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"{Guid.NewGuid():N}.db");
        var options = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        var initializer = new DatabaseInitializer(new StayfullDb(options), options);
        try
        {
            await initializer.MigrateAsync(CancellationToken.None);
            await initializer.MigrateAsync(CancellationToken.None);

            await using var context = new StayfullDb(options).ForPlatform();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private static StayfullDbContext DesignTimeContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.SqlServer => new SqlServerDesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.Postgres => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [GeneratedRegex("^[0-9]{14}_")]
    private static partial Regex TimestampPrefix();
}
