/** A capped list of parser warnings: a hostile file cannot fill memory with them. */
export class Warnings {
  readonly list: string[] = [];
  constructor(private readonly max = 100) {}
  add(message: string): void {
    if (this.list.length < this.max) this.list.push(message);
    else if (this.list.length === this.max) this.list.push('further warnings suppressed');
  }
}
