namespace Stayfull.Domain.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    Postgres = 2,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite, empty means a file in the app's data folder.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Create or migrate the schema at start (the default for the embedded database).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the demo hotel when the database has no hotel yet.</summary>
    public bool SeedDemoData { get; set; } = true;
}
