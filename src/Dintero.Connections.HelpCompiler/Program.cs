using System.Text;
using Dintero.Connections.HelpCompiler;

// dotnet Dintero.Connections.HelpCompiler.dll <docs folder> <output folder, e.g. out/Dintero.Connections/en-US>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Dintero.Connections.HelpCompiler <docs folder> <output folder>");
    return 2;
}
var (docs, output) = (args[0], args[1]);
Directory.CreateDirectory(output);

var commands = Directory.GetFiles(docs, "*-Dintero*.md").Order(StringComparer.Ordinal)
    .Select(path => MarkdownHelpReader.Read(File.ReadAllText(path)))
    .ToList();
var maml = Path.Combine(output, "Dintero.Connections.dll-Help.xml");
MamlWriter.Write(commands).Save(maml);

foreach (var about in Directory.GetFiles(docs, "about_*.md"))
{
    var target = Path.Combine(output, Path.GetFileNameWithoutExtension(about) + ".help.txt");
    File.WriteAllText(target, AboutTopicWriter.Write(File.ReadAllText(about)), new UTF8Encoding(false));
}
Console.WriteLine($"Help for {commands.Count} cmdlets written to {maml}");
return 0;
