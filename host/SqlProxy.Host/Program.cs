Console.WriteLine("sqlproxy");
