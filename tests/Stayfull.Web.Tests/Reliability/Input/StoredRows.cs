using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>
/// Reads every table of the app's SQLite file, whatever entities exist today: a new table is covered the day
/// its migration runs. Counts answer "was anything stored"; a per-hotel hash answers "did any of this hotel's rows change".
/// </summary>
internal sealed class StoredRows : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string[] _tables;
    private readonly string[] _hotelTables;
    private readonly SqliteCommand _count;

    public StoredRows(string databaseFile)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        _tables = [.. Strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name")];
        _hotelTables = [.. _tables.Where(t => Strings($"SELECT name FROM pragma_table_info('{t}')").Contains("HotelId"))];
        _count = _connection.CreateCommand();
        // One statement, one round trip: cheap enough to run around every single request.
        _count.CommandText = "SELECT " + string.Join(", ", _tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\"), (SELECT IFNULL(MAX(rowid), 0) FROM \"{t}\")"));
    }

    public IReadOnlyList<string> Tables => _tables;

    /// <summary>Tables with a HotelId column: the tenant-owned ones.</summary>
    public IReadOnlyList<string> HotelTables => _hotelTables;

    /// <summary>Row count and highest rowid of every table, in <see cref="Tables"/> order.</summary>
    public long[] Counts()
    {
        using var reader = _count.ExecuteReader();
        reader.Read();
        var values = new long[_tables.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.GetInt64(i);
        }

        return values;
    }

    /// <summary>The tables whose count or highest rowid differs between two <see cref="Counts"/>.</summary>
    public IReadOnlyList<string> Changed(long[] before, long[] after) =>
        [.. _tables.Where((_, i) => before[2 * i] != after[2 * i] || before[(2 * i) + 1] != after[(2 * i) + 1])];

    /// <summary>Every row of the hotel (its Hotels row and each row of a table with its HotelId), hashed table by table.</summary>
    public IReadOnlyDictionary<string, string> HotelHashes(Guid hotelId)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in _hotelTables.Append("Hotels"))
        {
            var column = table == "Hotels" ? "Id" : "HotelId";
            hashes[table] = Hash(Dump(table, column, hotelId));
        }

        return hashes;
    }

    /// <summary>All of the hotel's rows as text, for looking for another hotel's identifiers in them.</summary>
    public string HotelText(Guid hotelId) =>
        string.Join('\n', _hotelTables.Select(t => Dump(t, "HotelId", hotelId)));

    public void Dispose()
    {
        _count.Dispose();
        _connection.Dispose();
    }

    private string Dump(string table, string column, Guid hotelId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE upper(\"{column}\") = upper($id) ORDER BY rowid";
        command.Parameters.AddWithValue("$id", hotelId.ToString());
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private List<string> Strings(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
