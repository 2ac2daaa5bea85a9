namespace RillaGen.Cli.Storage.Folder;

/// <summary>A file format of a folder sink. Rows are cells in their text form (<see cref="ValueConvert.ToText"/>), null for no value.</summary>
internal interface IFolderFormat
{
    string Extension { get; }

    IEnumerable<string?[]> Read(string path, TableSchema table);

    void Write(Stream destination, TableSchema table, IEnumerable<string?[]> rows);
}
