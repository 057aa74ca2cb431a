using System.Data.Common;

namespace SmartHome.Cloud.Storage;

/// <summary>Small ADO.NET helpers so the stores read as their SQL.</summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>The placeholders of an <c>IN</c> list (<c>@type0, @type1, …</c>) that <see cref="WithList"/> binds.</summary>
    public static string ListOf(string name, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"{name}{i}"));

    public static DbCommand WithList(this DbCommand command, string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Count; i++)
        {
            command.With($"{name}{i}", values[i]);
        }

        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
